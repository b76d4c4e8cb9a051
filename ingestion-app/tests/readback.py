"""Reads a published run back WITHOUT Spark: the files are fetched with the target's own client (boto3 for
S3, WebHDFS for HDFS, the file system for local) and decoded with pyarrow, hive partitions (col=value
directories) included. So a test compares the source with what another reader sees, not with what the
writer believes it wrote."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.parse
import urllib.request
from urllib.parse import urlsplit

import pyarrow.dataset as ds
from botocore.exceptions import ClientError

from conftest import HDFS_URL, s3_client

WEBHDFS = f"http://127.0.0.1:{int(os.environ.get('INGEST_HDFS_HTTP_PORT', '59870'))}/webhdfs/v1"


def _hidden(name: str) -> bool:
    return name.startswith(".") or (name.startswith("_") and "=" not in name)


# --- listing and fetching per target -------------------------------------------------------------------------

def list_names(uri: str) -> list:
    """Names directly below a directory URI (s3a://, hdfs://, file://); [] if it does not exist."""
    u = urlsplit(uri)
    if u.scheme == "file":
        return sorted(os.listdir(u.path)) if os.path.isdir(u.path) else []
    if u.scheme == "s3a":
        prefix = u.path.strip("/") + "/"
        names = set()
        for page in s3_client().get_paginator("list_objects_v2").paginate(Bucket=u.netloc, Prefix=prefix):
            for o in page.get("Contents", []):
                names.add(o["Key"][len(prefix):].split("/", 1)[0])
        return sorted(names)
    if u.scheme == "hdfs":
        try:
            with urllib.request.urlopen(f"{WEBHDFS}{u.path}?op=LISTSTATUS", timeout=10) as r:
                statuses = json.load(r)["FileStatuses"]["FileStatus"]
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return []
            raise
        return sorted(s["pathSuffix"] for s in statuses)
    raise ValueError(uri)


def _hdfs_walk(path: str):
    with urllib.request.urlopen(f"{WEBHDFS}{urllib.parse.quote(path)}?op=LISTSTATUS", timeout=10) as r:
        for st in json.load(r)["FileStatuses"]["FileStatus"]:
            child = f"{path}/{st['pathSuffix']}"
            if st["type"] == "DIRECTORY":
                yield from _hdfs_walk(child)
            else:
                yield child


def fetch_run(uri: str) -> str:
    """Copies a run directory to a local temporary directory (caller removes it) and returns its path."""
    local = tempfile.mkdtemp(prefix="ingest-readback-")
    fetch_into(uri, local)
    return local


def fetch_into(uri: str, local: str) -> None:
    """Copies the directory uri into the local directory (created if needed)."""
    u = urlsplit(uri)
    os.makedirs(local, exist_ok=True)
    if u.scheme == "file":
        shutil.copytree(u.path, local, dirs_exist_ok=True)
    elif u.scheme == "s3a":
        s3 = s3_client()
        prefix = u.path.strip("/") + "/"
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=u.netloc, Prefix=prefix):
            for o in page.get("Contents", []):
                dest = os.path.join(local, o["Key"][len(prefix):])
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                s3.download_file(u.netloc, o["Key"], dest)
    elif u.scheme == "hdfs":
        assert uri.startswith(HDFS_URL), uri
        for path in _hdfs_walk(u.path):
            dest = os.path.join(local, path[len(u.path):].lstrip("/"))
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with urllib.request.urlopen(f"{WEBHDFS}{urllib.parse.quote(path)}?op=OPEN", timeout=30) as r, \
                    open(dest, "wb") as f:
                shutil.copyfileobj(r, f)
    else:
        raise ValueError(uri)


def fetch_text(uri: str):
    """A small file's text, or None when it does not exist."""
    u = urlsplit(uri)
    try:
        if u.scheme == "file":
            with open(u.path, encoding="utf-8") as f:
                return f.read()
        if u.scheme == "s3a":
            return s3_client().get_object(Bucket=u.netloc, Key=u.path.lstrip("/"))["Body"].read().decode()
        if u.scheme == "hdfs":
            with urllib.request.urlopen(f"{WEBHDFS}{urllib.parse.quote(u.path)}?op=OPEN", timeout=30) as r:
                return r.read().decode()
    except FileNotFoundError:
        return None
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise
    except Exception as e:  # boto3's NoSuchKey
        if type(e).__name__ == "NoSuchKey":
            return None
        raise
    raise ValueError(uri)


def read_dataset(uri: str, attempts: int = 20) -> tuple:
    """(version, rows) of the target dataset as its contract says to read it: the directories _dataset.json
    lists, with hive partitions (run_id included) as columns. If _dataset.json changed while the files were
    read, the read is repeated: a publish may delete what it replaced right after committing."""
    for _ in range(attempts):
        text = fetch_text(f"{uri}/_dataset.json")
        if text is None:
            return 0, []
        manifest = json.loads(text)
        local = tempfile.mkdtemp(prefix="ingest-dataset-")
        try:
            try:
                for entry in manifest["entries"]:
                    fetch_into(f"{uri}/{entry}", os.path.join(local, entry))
                rows = _read_local(local)
            except (FileNotFoundError, shutil.Error, urllib.error.HTTPError, ClientError):
                rows = None  # a listed directory went away: the dataset moved on
            again = fetch_text(f"{uri}/_dataset.json")
            if rows is not None and again is not None and json.loads(again)["version"] == manifest["version"]:
                return manifest["version"], rows
        finally:
            shutil.rmtree(local, ignore_errors=True)
    raise AssertionError(f"{uri}: the dataset kept changing while it was read")


def _read_local(local: str) -> list:
    files = []
    for d, _, names in os.walk(local):
        rel = os.path.relpath(d, local)
        if any(_hidden(p) for p in rel.split(os.sep) if p not in (".", "")):
            continue
        files.extend(os.path.join(d, n) for n in names if not _hidden(n))
    if not files:
        return []
    dataset = ds.dataset(files, format="parquet", partitioning="hive", partition_base_dir=local)
    return dataset.to_table().to_pylist()


def read_parquet_dir(uri: str) -> list:
    """Rows of every Parquet file below uri (hive partitions as columns)."""
    local = fetch_run(uri)
    try:
        return _read_local(local)
    finally:
        shutil.rmtree(local, ignore_errors=True)


def read_run(uri: str) -> tuple:
    """(rows as dicts, the _SUCCESS marker as a dict) of a published run; fails if the marker is missing."""
    local = fetch_run(uri)
    try:
        marker_path = os.path.join(local, "_SUCCESS")
        if not os.path.exists(marker_path):
            raise AssertionError(f"{uri} has no _SUCCESS marker: not a complete run")
        with open(marker_path, encoding="utf-8") as f:
            marker = json.load(f)
        return _read_local(local), marker
    finally:
        shutil.rmtree(local, ignore_errors=True)
