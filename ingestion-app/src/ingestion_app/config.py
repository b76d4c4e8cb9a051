"""Job configuration (job.json): parsing and validation, with no Spark and no I/O.

Every problem is reported as a ConfigError that names the offending field (e.g. ``source.port``), so the
caller can show it to the user as is. Unknown fields are rejected too: a typo such as ``partitonColumn``
would otherwise be silently ignored.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Optional, Union
from urllib.parse import urlsplit

from .timeouts import FIELDS as TIMEOUT_FIELDS
from .timeouts import MAX_SECONDS, Timeouts

JDBC_TYPES = ("postgres", "mysql")
SOURCE_TYPES = JDBC_TYPES + ("s3",)
S3_FORMATS = ("csv", "json", "parquet")
TARGET_TYPES = ("s3", "hdfs", "local")
TARGET_FORMATS = ("parquet",)
# How a run lands in the target dataset (see lake.py): replace the whole dataset, add to it, or replace only
# the partitions (values of target.partitionBy) this run wrote.
MODES = ("overwrite", "append", "overwrite-partitions")
DEFAULT_REGION = "us-east-1"
MAX_PARTITIONS = 1000

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")
_DATABASE = re.compile(r"^[A-Za-z0-9_$-]+$")
_RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_HOST = re.compile(r"^[A-Za-z0-9._-]+$|^\[[0-9A-Fa-f:.]+\]$")


class ConfigError(ValueError):
    """A job.json problem, naming the field at fault."""

    def __init__(self, field_name: str, message: str):
        self.field = field_name
        self.reason = message
        super().__init__(f"invalid config: {field_name}: {message}")


@dataclass(frozen=True)
class JdbcSource:
    type: str  # "postgres" | "mysql"
    host: str
    port: int
    database: str
    table: Optional[str] = None
    query: Optional[str] = None
    partition_column: Optional[str] = None
    num_partitions: Optional[int] = None
    incremental_column: Optional[str] = None

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def description(self) -> str:
        what = f"table {self.table}" if self.table else "query"
        return f"{self.type} source {self.address}/{self.database} ({what})"


@dataclass(frozen=True)
class S3Source:
    bucket: str
    prefix: str
    format: str
    endpoint: Optional[str] = None
    region: str = DEFAULT_REGION
    options: dict = field(default_factory=dict)
    type: str = "s3"

    @property
    def uri(self) -> str:
        return f"s3a://{self.bucket}/{self.prefix}"

    @property
    def description(self) -> str:
        return f"s3 source {self.uri} ({self.format})"


@dataclass(frozen=True)
class Target:
    type: str  # "s3" | "hdfs" | "local"
    path: str  # normalized URI: s3a://bucket/prefix, hdfs://host:port/path, file:///abs/path (no trailing /)
    format: str = "parquet"
    partition_by: tuple = ()
    mode: str = "overwrite"
    endpoint: Optional[str] = None
    region: str = DEFAULT_REGION

    @property
    def bucket(self) -> Optional[str]:
        return urlsplit(self.path).netloc if self.type == "s3" else None

    @property
    def description(self) -> str:
        return f"{self.type} target {self.path}"


Source = Union[JdbcSource, S3Source]


@dataclass(frozen=True)
class JobConfig:
    job_id: str
    run_id: str
    source: Source
    target: Target
    watermark: Optional[str] = None
    timeouts: Timeouts = field(default_factory=Timeouts)


# ---------------------------------------------------------------------------------------------------------
# Field readers: each names the field in its error.


def _obj(value: Any, name: str) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(name, f"must be an object, got {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _no_unknown(obj: dict, allowed: tuple, prefix: str) -> None:
    for key in obj:
        if key not in allowed:
            name = f"{prefix}.{key}" if prefix else key
            raise ConfigError(name, f"unknown field (allowed: {', '.join(allowed)})")


def _str(obj: dict, key: str, prefix: str, required: bool = True, allow_empty: bool = False) -> Optional[str]:
    name = f"{prefix}.{key}" if prefix else key
    if key not in obj or obj[key] is None:
        if required:
            raise ConfigError(name, "is required")
        return None
    value = obj[key]
    if not isinstance(value, str):
        raise ConfigError(name, f"must be a string, got {_kind(value)}")
    if not allow_empty and not value.strip():
        raise ConfigError(name, "must not be empty")
    return value


def _int(obj: dict, key: str, prefix: str, lo: int, hi: int, required: bool = True) -> Optional[int]:
    name = f"{prefix}.{key}"
    if key not in obj or obj[key] is None:
        if required:
            raise ConfigError(name, "is required")
        return None
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(name, f"must be an integer, got {_kind(value)}")
    if not lo <= value <= hi:
        raise ConfigError(name, f"must be between {lo} and {hi}, got {value}")
    return value


def _choice(obj: dict, key: str, prefix: str, choices: tuple, default: Optional[str] = None) -> str:
    name = f"{prefix}.{key}"
    value = _str(obj, key, prefix, required=default is None)
    if value is None:
        return default  # type: ignore[return-value]
    if value not in choices:
        raise ConfigError(name, f"must be one of {', '.join(choices)}, got {value!r}")
    return value


def _identifier(obj: dict, key: str, prefix: str, dotted: bool = False) -> Optional[str]:
    value = _str(obj, key, prefix, required=False)
    if value is None:
        return None
    parts = value.split(".") if dotted else [value]
    if len(parts) > 3 or not all(_IDENT.match(p) for p in parts):
        what = "a table name (name, schema.name or catalog.schema.name)" if dotted else "a column name"
        raise ConfigError(
            f"{prefix}.{key}",
            f"must be {what} made of letters, digits, _ and $ and not starting with a digit, got {value!r}",
        )
    return value


def _host(obj: dict, key: str, prefix: str) -> str:
    value = _str(obj, key, prefix)
    assert value is not None
    if not _HOST.match(value):
        raise ConfigError(f"{prefix}.{key}", f"must be a host name or IP address, got {value!r}")
    return value


def _endpoint(obj: dict, key: str, prefix: str) -> Optional[str]:
    value = _str(obj, key, prefix, required=False)
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ConfigError(f"{prefix}.{key}", f"must be an http:// or https:// URL with a host, got {value!r}")
    try:
        parts.port
    except ValueError:
        raise ConfigError(f"{prefix}.{key}", f"has an invalid port: {value!r}") from None
    return value.rstrip("/")


def _bucket(value: str, name: str) -> str:
    if not _BUCKET.match(value) or ".." in value:
        raise ConfigError(name, f"is not a valid S3 bucket name: {value!r}")
    return value


# ---------------------------------------------------------------------------------------------------------


def _parse_jdbc(src: dict) -> JdbcSource:
    p = "source"
    _no_unknown(
        src,
        ("type", "host", "port", "database", "table", "query", "partitionColumn", "numPartitions",
         "incrementalColumn"),
        p,
    )
    host = _host(src, "host", p)
    port = _int(src, "port", p, 1, 65535)
    database = _str(src, "database", p)
    assert database is not None
    if not _DATABASE.match(database):
        raise ConfigError("source.database", f"must be made of letters, digits, _, $ and -, got {database!r}")
    table = _identifier(src, "table", p, dotted=True)
    query = _str(src, "query", p, required=False)
    if table and query:
        raise ConfigError("source.table", "set either table or query, not both")
    if not table and not query:
        raise ConfigError("source.table", "one of table or query is required")
    if query is not None:
        query = query.strip().rstrip(";").strip()
        if not query:
            raise ConfigError("source.query", "must not be empty")
    partition_column = _identifier(src, "partitionColumn", p)
    num_partitions = _int(src, "numPartitions", p, 1, MAX_PARTITIONS, required=False)
    if partition_column and num_partitions is None:
        raise ConfigError("source.numPartitions", "is required when partitionColumn is set")
    if num_partitions is not None and num_partitions > 1 and not partition_column:
        raise ConfigError("source.partitionColumn", "is required when numPartitions is greater than 1")
    incremental_column = _identifier(src, "incrementalColumn", p)
    return JdbcSource(
        type=src["type"], host=host, port=port, database=database, table=table, query=query,  # type: ignore
        partition_column=partition_column, num_partitions=num_partitions,
        incremental_column=incremental_column,
    )


def _parse_s3_source(src: dict) -> S3Source:
    p = "source"
    _no_unknown(src, ("type", "bucket", "prefix", "format", "endpoint", "region", "options"), p)
    bucket = _bucket(_str(src, "bucket", p), "source.bucket")  # type: ignore[arg-type]
    prefix = _str(src, "prefix", p, required=False, allow_empty=True) or ""
    prefix = prefix.lstrip("/")
    fmt = _choice(src, "format", p, S3_FORMATS)
    endpoint = _endpoint(src, "endpoint", p)
    region = _str(src, "region", p, required=False) or DEFAULT_REGION
    options = _read_options(src.get("options"), fmt)
    return S3Source(bucket=bucket, prefix=prefix, format=fmt, endpoint=endpoint, region=region, options=options)


# Reader options of S3 sources: name -> (formats it applies to, JSON type, what it must be). The names are
# Spark's own, so the Spark documentation of each applies.
S3_OPTIONS = {
    "header": (("csv",), bool, "true or false"),
    "delimiter": (("csv",), str, "one character"),
    "inferSchema": (("csv", "json"), bool, "true or false"),
    "schema": (("csv", "json"), str, "a schema in SQL DDL, such as 'id BIGINT, day DATE, price DECIMAL(10,2)'"),
    "multiLine": (("csv", "json"), bool, "true or false"),
    "dateFormat": (("csv", "json"), str, "a date pattern such as yyyy-MM-dd"),
    "timestampFormat": (("csv", "json"), str, "a timestamp pattern such as yyyy-MM-dd HH:mm:ss"),
}


def _read_options(raw: Any, fmt: str) -> dict:
    """Checks source.options against S3_OPTIONS; returns them as Spark reader options (strings)."""
    if raw is None:
        return {}
    _obj(raw, "source.options")
    out = {}
    for key, value in raw.items():
        name = f"source.options.{key}"
        if key not in S3_OPTIONS:
            raise ConfigError(name, f"unknown option (allowed: {', '.join(S3_OPTIONS)})")
        formats, kind, what = S3_OPTIONS[key]
        if fmt not in formats:
            raise ConfigError(name, f"only applies to {' and '.join(formats)} sources, not {fmt}")
        if not isinstance(value, kind) or (kind is str and not value.strip()):
            raise ConfigError(name, f"must be {what}, got {value!r}")
        if key == "delimiter" and len(value) != 1:
            raise ConfigError(name, f"must be one character, got {value!r}")
        out[key] = str(value).lower() if isinstance(value, bool) else value
    if "schema" in out and out.get("inferSchema") == "true":
        raise ConfigError("source.options.inferSchema", "cannot be true when source.options.schema is given")
    return out


def _normalize_target_path(kind: str, raw: str) -> str:
    name = "target.path"
    parts = urlsplit(raw)
    if kind == "s3":
        if parts.scheme not in ("s3a", "s3"):
            raise ConfigError(name, f"must be an s3a://bucket/prefix URI for an s3 target, got {raw!r}")
        _bucket(parts.netloc, name)
        prefix = parts.path.strip("/")
        if not prefix:
            raise ConfigError(name, f"must name a prefix below the bucket (s3a://bucket/prefix), got {raw!r}")
        return f"s3a://{parts.netloc}/{prefix}"
    if kind == "hdfs":
        if parts.scheme != "hdfs" or not parts.hostname:
            raise ConfigError(name, f"must be an hdfs://host:port/path URI for an hdfs target, got {raw!r}")
        try:
            port = parts.port
        except ValueError:
            raise ConfigError(name, f"has an invalid port: {raw!r}") from None
        if port is None:
            raise ConfigError(name, f"must include the NameNode port (hdfs://host:port/path), got {raw!r}")
        path = parts.path.rstrip("/")
        if not path:
            raise ConfigError(name, f"must name a directory below / (hdfs://host:port/path), got {raw!r}")
        return f"hdfs://{parts.netloc}{path}"
    # local
    if parts.scheme == "file":
        local = parts.path
    elif parts.scheme == "" or re.match(r"^[A-Za-z]:[\\/]", raw):
        local = raw
    else:
        raise ConfigError(name, f"must be a local directory or file:// URI for a local target, got {raw!r}")
    local = os.path.abspath(local)
    if local == "/":
        raise ConfigError(name, "must not be the root directory")
    return "file://" + local


def _parse_target(tgt: dict, incremental: bool) -> Target:
    p = "target"
    _no_unknown(tgt, ("type", "path", "format", "partitionBy", "mode", "endpoint", "region"), p)
    kind = _choice(tgt, "type", p, TARGET_TYPES)
    path = _normalize_target_path(kind, _str(tgt, "path", p))  # type: ignore[arg-type]
    fmt = _choice(tgt, "format", p, TARGET_FORMATS, default="parquet")
    partition_by = tgt.get("partitionBy")
    cols: list = []
    if partition_by is not None:
        if not isinstance(partition_by, list):
            raise ConfigError("target.partitionBy", f"must be an array of column names, got {_kind(partition_by)}")
        for i, col in enumerate(partition_by):
            if not isinstance(col, str) or not _IDENT.match(col):
                raise ConfigError(f"target.partitionBy[{i}]", f"must be a column name, got {col!r}")
            if col in cols:
                raise ConfigError(f"target.partitionBy[{i}]", f"column {col!r} is listed twice")
            if col.lower() == "run_id":
                raise ConfigError(f"target.partitionBy[{i}]", "run_id is reserved for the run directory")
            cols.append(col)
    # A full load replaces the dataset by default (re-running it must not add a copy); an incremental load adds
    # exactly its new rows.
    mode = _choice(tgt, "mode", p, MODES, default="append" if incremental else "overwrite")
    if mode == "overwrite-partitions" and not cols:
        raise ConfigError("target.mode", "overwrite-partitions needs target.partitionBy (the partitions to replace)")
    endpoint = _endpoint(tgt, "endpoint", p)
    if endpoint and kind != "s3":
        raise ConfigError("target.endpoint", f"only applies to s3 targets, not {kind}")
    region = _str(tgt, "region", p, required=False) or DEFAULT_REGION
    return Target(type=kind, path=path, format=fmt, partition_by=tuple(cols), mode=mode, endpoint=endpoint,
                  region=region)


def parse_config(raw: Any) -> JobConfig:
    """Validates a decoded job.json and returns it typed; raises ConfigError naming the bad field."""
    _obj(raw, "(root)")
    _no_unknown(raw, ("jobId", "runId", "source", "target", "watermark", "timeouts"), "")
    job_id = _str(raw, "jobId", "")
    run_id = _str(raw, "runId", "")
    assert job_id is not None and run_id is not None
    if not _RUN_ID.match(run_id):
        raise ConfigError(
            "runId", f"must be 1-128 letters, digits, '.', '_' or '-' and start with a letter or digit, got {run_id!r}"
        )
    if "watermark" in raw and raw["watermark"] is not None and not isinstance(raw["watermark"], str):
        raise ConfigError("watermark", f"must be a string or null, got {_kind(raw['watermark'])}")
    watermark = raw.get("watermark")
    src = _obj(raw.get("source"), "source")
    kind = _choice(src, "type", "source", SOURCE_TYPES)
    source: Source = _parse_s3_source(src) if kind == "s3" else _parse_jdbc(src)
    target = _parse_target(_obj(raw.get("target"), "target"),
                           incremental=bool(getattr(source, "incremental_column", None)))
    if watermark is not None and not getattr(source, "incremental_column", None):
        raise ConfigError("watermark", "is set but source.incrementalColumn is not (only incremental JDBC loads use it)")
    return JobConfig(job_id=job_id, run_id=run_id, source=source, target=target, watermark=watermark,
                     timeouts=_parse_timeouts(raw.get("timeouts")))


def _parse_timeouts(raw: Any) -> Timeouts:
    if raw is None:
        return Timeouts()
    _obj(raw, "timeouts")
    _no_unknown(raw, tuple(TIMEOUT_FIELDS), "timeouts")
    given = {attr: _int(raw, key, "timeouts", 1, MAX_SECONDS, required=False) for key, attr in TIMEOUT_FIELDS.items()}
    return Timeouts(**{k: v for k, v in given.items() if v is not None})


# ---------------------------------------------------------------------------------------------------------
# Credentials come from the environment, never from job.json.

ENV_SOURCE_USER = "INGEST_SOURCE_USER"
ENV_SOURCE_PASSWORD = "INGEST_SOURCE_PASSWORD"
ENV_S3_ACCESS_KEY = "INGEST_S3_ACCESS_KEY"
ENV_S3_SECRET_KEY = "INGEST_S3_SECRET_KEY"


@dataclass(frozen=True)
class Credentials:
    source_user: Optional[str] = None
    source_password: Optional[str] = None
    s3_access_key: Optional[str] = None
    s3_secret_key: Optional[str] = None


def credentials_from_env(cfg: JobConfig, env: Optional[dict] = None) -> Credentials:
    """Reads the credentials the job needs; a JDBC source needs a user, S3 keys come as a pair or not at all
    (then the AWS default provider chain applies)."""
    env = dict(os.environ if env is None else env)
    creds = Credentials(
        source_user=env.get(ENV_SOURCE_USER) or None,
        source_password=env.get(ENV_SOURCE_PASSWORD),
        s3_access_key=env.get(ENV_S3_ACCESS_KEY) or None,
        s3_secret_key=env.get(ENV_S3_SECRET_KEY) or None,
    )
    if isinstance(cfg.source, JdbcSource) and not creds.source_user:
        raise ConfigError(ENV_SOURCE_USER, f"environment variable is required for a {cfg.source.type} source")
    if bool(creds.s3_access_key) != bool(creds.s3_secret_key):
        missing = ENV_S3_SECRET_KEY if creds.s3_access_key else ENV_S3_ACCESS_KEY
        raise ConfigError(missing, "environment variable is required when the other S3 key is set")
    return creds
