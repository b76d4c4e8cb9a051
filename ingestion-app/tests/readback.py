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
    u = urlsplit(uri)
    local = tempfile.mkdtemp(prefix="ingest-readback-")
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
    return local


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
