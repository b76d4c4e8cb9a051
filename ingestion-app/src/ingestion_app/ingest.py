"""One ingestion run on an existing SparkSession: read the source, write Parquet to a staging directory
(`<path>/_staging/<runId>`, removed on failure; readers skip names starting with "_"), check it, publish it
into the target dataset (lake.py). main.py wraps this for spark-submit; tests call it in-process.
"""
from __future__ import annotations

import time
from typing import Optional
from urllib.parse import urlsplit

from .config import Credentials, JdbcSource, JobConfig, S3Source, Target
from .errors import IngestError, root_message
from .filesystem import HadoopFS
from .lake import RUN_PREFIX, publish_run
from .sql import FETCH_SIZE, JDBC_DRIVERS, bounds_query, jdbc_url, read_relation
from .timeouts import Timeouts, is_timeout, jdbc_properties, s3a_settings

STAGING_DIR = "_staging"


def staging_path(target: Target, run_id: str) -> str:
    return f"{target.path}/{STAGING_DIR}/{run_id}"


def run_path(target: Target, run_id: str) -> str:
    return f"{target.path}/{RUN_PREFIX}{run_id}"


# ---------------------------------------------------------------------------------------------------------
# Hadoop configuration and file system access through the JVM


def _s3_settings(bucket: str, endpoint: Optional[str], region: str, timeouts: Timeouts) -> dict:
    b = f"fs.s3a.bucket.{bucket}."
    settings = {b + "endpoint.region": region, **s3a_settings(b, timeouts)}
    if endpoint:
        settings[b + "endpoint"] = endpoint
        settings[b + "path.style.access"] = "true"
        settings[b + "connection.ssl.enabled"] = "true" if endpoint.startswith("https://") else "false"
    return settings


def hadoop_settings(cfg: JobConfig, creds: Credentials) -> dict:
    """Hadoop configuration for the job's S3 buckets (per bucket, so a source and a target may use different
    endpoints). Keys from the environment when given, else the AWS default credential chain."""
    settings: dict = {}
    if isinstance(cfg.source, S3Source):
        settings.update(_s3_settings(cfg.source.bucket, cfg.source.endpoint, cfg.source.region, cfg.timeouts))
    if cfg.target.type == "s3":
        settings.update(_s3_settings(cfg.target.bucket, cfg.target.endpoint, cfg.target.region,  # type: ignore
                                     cfg.timeouts))
    if creds.s3_access_key and creds.s3_secret_key:
        settings["fs.s3a.aws.credentials.provider"] = "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider"
        settings["fs.s3a.access.key"] = creds.s3_access_key
        settings["fs.s3a.secret.key"] = creds.s3_secret_key
    return settings


# ---------------------------------------------------------------------------------------------------------
# Reading


def _jdbc_reader(spark, src: JdbcSource, creds: Credentials, timeouts: Timeouts):
    r = (
        spark.read.format("jdbc")
        .option("url", jdbc_url(src))
        .option("driver", JDBC_DRIVERS[src.type])
        .option("user", creds.source_user)
        .option("fetchsize", str(FETCH_SIZE))
    )
    for key, value in jdbc_properties(src.type, timeouts).items():
        r = r.option(key, value)  # Spark hands options it does not know to the driver as properties
    if creds.source_password is not None:
        r = r.option("password", creds.source_password)
    return r


def _partition_bounds(spark, src: JdbcSource, creds: Credentials, watermark: Optional[str], timeouts: Timeouts):
    """(lower, upper) as strings Spark accepts for partitionColumn bounds, or None when the range is empty.
    Integral and decimal columns give integers (floor/ceil); dates and timestamps their string form in the
    session time zone, which is also how Spark parses the bounds back."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import DateType, DecimalType, FractionalType, IntegralType, TimestampNTZType, \
        TimestampType

    df = _jdbc_reader(spark, src, creds, timeouts).option("query", bounds_query(src, watermark)).load()
    lo_type = df.schema["lo"].dataType
    if isinstance(lo_type, (IntegralType, DecimalType, FractionalType)):
        row = df.select(F.floor("lo").cast("long").alias("lo"), F.ceil("hi").cast("long").alias("hi")).first()
        if row is None or row["lo"] is None:
            return None
        return str(row["lo"]), str(row["hi"])
    if isinstance(lo_type, (DateType, TimestampType, TimestampNTZType)):
        row = df.select(F.col("lo").cast("string").alias("lo"), F.col("hi").cast("string").alias("hi")).first()
        if row is None or row["lo"] is None:
            return None
        return row["lo"], row["hi"]
    raise IngestError(
        f"source.partitionColumn: column {src.partition_column!r} is {lo_type.simpleString()}; "
        "a partitioned read needs a numeric, date or timestamp column"
    )


def read_source(spark, cfg: JobConfig, creds: Credentials):
    """The source DataFrame and what is known about the input before reading it."""
    src = cfg.source
    if isinstance(src, JdbcSource):
        reader = _jdbc_reader(spark, src, creds, cfg.timeouts).option("dbtable", read_relation(src, cfg.watermark))
        if src.partition_column and (src.num_partitions or 1) > 1:
            bounds = _partition_bounds(spark, src, creds, cfg.watermark, cfg.timeouts)
            if bounds is not None:
                reader = (
                    reader.option("partitionColumn", src.partition_column)
                    .option("lowerBound", bounds[0])
                    .option("upperBound", bounds[1])
                    .option("numPartitions", str(src.num_partitions))
                )
        df = reader.load()
        if src.incremental_column and src.incremental_column not in df.columns:
            raise IngestError(
                f"source.incrementalColumn: column {src.incremental_column!r} is not in the source "
                f"(columns: {', '.join(df.columns)})"
            )
        return df, {"bytesIn": None}

    assert isinstance(src, S3Source)
    fs = HadoopFS(spark, src.uri)
    if not fs.exists(src.uri):
        raise IngestError(f"{src.description}: nothing found at {src.uri}")
    files = fs.data_files(src.uri)
    if not files:
        raise IngestError(f"{src.description}: no data files under {src.uri}")
    reader = spark.read.format(src.format)
    options = dict(src.options)
    schema = options.pop("schema", None)
    if src.format == "csv":
        # RFC 4180: a header line by default, and "" for a quote inside a quoted field (Spark's default escape
        # is \\, which would keep the doubled quotes in the data).
        reader = reader.option("header", "true").option("escape", '"')
    if src.format in ("csv", "json"):
        # A record that does not fit the schema fails the run instead of landing as nulls.
        reader = reader.option("mode", "FAILFAST")
    for k, v in options.items():
        reader = reader.option(k, v)
    if schema is not None:
        try:
            reader = reader.schema(schema)
        except Exception as e:
            raise IngestError(f"source.options.schema: is not a valid schema: {root_message(e)}") from None
    df = reader.load(src.uri)
    return df, {"bytesIn": sum(length for _, length in files)}


# ---------------------------------------------------------------------------------------------------------
# The run


# Bytes of each non-null value of a fixed-width type, as Spark holds it.
_FIXED_WIDTHS = {
    "boolean": 1, "byte": 1, "short": 2, "integer": 4, "float": 4, "date": 4,
    "long": 8, "double": 8, "timestamp": 8, "timestamp_ntz": 8, "decimal": 16,
}


def value_bytes_expr(schema):
    """The size of the values in a row set, as one aggregate: UTF-8 bytes of text, bytes of binary, and each
    non-null value of another type at its fixed width (decimal 16). Measured on the copy itself; unlike encoding
    every row (to JSON, say), it converts nothing, so it costs next to nothing beside the copy."""
    from pyspark.sql import functions as F

    parts = []
    for field in schema.fields:
        kind = field.dataType.typeName()
        column = F.col(f"`{field.name}`")
        if kind == "string":
            parts.append(F.coalesce(F.sum(F.octet_length(column)), F.lit(0)))
        elif kind == "binary":
            parts.append(F.coalesce(F.sum(F.length(column)), F.lit(0)))
        elif kind in _FIXED_WIDTHS:
            parts.append(F.count(column) * F.lit(_FIXED_WIDTHS[kind]))
        else:  # arrays, maps, structs and the like: their text form
            parts.append(F.coalesce(F.sum(F.octet_length(column.cast("string"))), F.lit(0)))
    total = F.lit(0).cast("long")
    for part in parts:
        total = total + part
    return total


def _observed_metrics(df, cfg: JobConfig):
    from pyspark.sql import Observation
    from pyspark.sql import functions as F

    exprs = [F.count(F.lit(1)).alias("rows")]
    src = cfg.source
    if isinstance(src, JdbcSource):
        # Databases do not report bytes on the wire to Spark; bytesIn of a JDBC source is the size of the
        # values read (see value_bytes_expr).
        exprs.append(value_bytes_expr(df.schema).alias("bytes"))
        if src.incremental_column:
            exprs.append(F.max(F.col(src.incremental_column)).cast("string").alias("watermark"))
    obs = Observation(f"ingest-{cfg.run_id}")
    return df.observe(obs, *exprs), obs


def _job_group(spark, name: str, description: str) -> None:
    """Tags the Spark jobs that follow, so the event log tells the copy from the helper jobs."""
    spark.sparkContext.setJobGroup(f"ingest-{name}", description, False)


def run_job(spark, cfg: JobConfig, creds: Credentials) -> dict:
    """Runs one ingestion on spark and returns the success result (see README.md), or raises IngestError with
    a clear message. Nothing is visible at the target unless the run succeeded."""
    conf = spark._jsc.hadoopConfiguration()
    for k, v in hadoop_settings(cfg, creds).items():
        conf.set(k, v)

    target = cfg.target
    staging = staging_path(target, cfg.run_id)
    final = run_path(target, cfg.run_id)
    phase = f"reading {cfg.source.description}"
    fs: Optional[HadoopFS] = None
    staged = False
    try:
        _job_group(spark, "prepare", f"{cfg.run_id}: read schema and partition bounds")
        df, info = read_source(spark, cfg, creds)
        missing = [c for c in target.partition_by if c not in df.columns]
        if missing:
            raise IngestError(
                f"target.partitionBy: column(s) {', '.join(missing)} not in the source "
                f"(columns: {', '.join(df.columns)})"
            )
        source_partitions = df.rdd.getNumPartitions()

        phase = f"writing {target.description}"
        fs = HadoopFS(spark, target.path)
        fs.delete(staging)  # a crashed earlier attempt of this run
        staged = True
        observed, obs = _observed_metrics(df, cfg)
        writer = observed.write.format(target.format).mode("errorifexists")
        if target.partition_by:
            writer = writer.partitionBy(*target.partition_by)
        phase = f"copying {cfg.source.description} to {target.description}"
        _job_group(spark, "copy", f"{cfg.run_id}: copy to {staging}")
        writer.save(staging)
        metrics = obs.get
        rows_in = int(metrics.get("rows") or 0)

        phase = f"checking the output in {staging}"
        _job_group(spark, "verify", f"{cfg.run_id}: count the rows written")
        files = fs.data_files(staging) if fs.exists(staging) else []
        rows_out = spark.read.parquet(staging).count() if files else 0
        if rows_out != rows_in:
            raise IngestError(f"{phase}: read {rows_in} rows but the written Parquet holds {rows_out}")
        bytes_out = sum(length for _, length in files)
        bytes_in = info["bytesIn"] if info["bytesIn"] is not None else int(metrics.get("bytes") or 0)

        watermark = cfg.watermark
        if isinstance(cfg.source, JdbcSource) and cfg.source.incremental_column:
            if metrics.get("watermark") is not None:
                watermark = metrics["watermark"]

        phase = f"publishing {final}"
        dataset = publish_run(fs, target.path, staging, cfg.run_id, target.mode, target.partition_by, {
            "jobId": cfg.job_id, "runId": cfg.run_id, "rows": rows_out, "bytes": bytes_out,
            "files": len(files), "watermark": watermark, "publishedAt": int(time.time() * 1000),
        })
        staged = False
        _remove_empty_staging_parent(fs, target)
        return {
            "status": "succeeded",
            "rowsIn": rows_in,
            "rowsOut": rows_out,
            "bytesIn": int(bytes_in),
            "bytesOut": int(bytes_out),
            "watermark": watermark,
            "outputPath": final,
            "filesOut": len(files),
            "sourcePartitions": source_partitions,
            "targetMode": target.mode,
            **dataset,
        }
    except IngestError:
        raise
    except Exception as e:  # Spark, JDBC, S3, HDFS: name the phase and the root cause
        cause = root_message(e)
        if is_timeout(cause):
            s3 = phase.startswith("reading s3") or target.type == "s3" and not phase.startswith("reading")
            cause += f" (timeouts: {cfg.timeouts.describe(s3=s3)})"
        raise IngestError(f"{phase}: {cause}") from e
    finally:
        if staged and fs is not None:
            _clean_staging(fs, target, staging)


def _clean_staging(fs: HadoopFS, target: Target, staging: str) -> None:
    try:
        fs.delete(staging)
        _remove_empty_staging_parent(fs, target)
    except Exception:
        pass  # best effort; the staging area is invisible to readers anyway


def _remove_empty_staging_parent(fs: HadoopFS, target: Target) -> None:
    parent = f"{target.path}/{STAGING_DIR}"
    if fs.exists(parent) and not fs.list_names(parent):
        fs.delete(parent)


def describe_target_host(target: Target) -> Optional[tuple]:
    """(host, port) that must be reachable for the target, if known before starting Spark."""
    if target.type == "hdfs":
        u = urlsplit(target.path)
        return u.hostname, u.port
    if target.type == "s3" and target.endpoint:
        u = urlsplit(target.endpoint)
        return u.hostname, u.port or (443 if u.scheme == "https" else 80)
    return None
