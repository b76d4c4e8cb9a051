"""Unit tests of job.json validation: no Spark, no servers."""
import copy

import pytest

from ingestion_app.config import ConfigError, JdbcSource, S3Source, credentials_from_env, parse_config

PG_JOB = {
    "jobId": "orders-daily",
    "runId": "2024-05-01T00-00_1",
    "source": {"type": "postgres", "host": "db.internal", "port": 5432, "database": "shop", "table": "public.orders",
               "partitionColumn": "id", "numPartitions": 4, "incrementalColumn": "updated_at"},
    "target": {"type": "s3", "path": "s3a://lake/raw/orders/", "format": "parquet", "partitionBy": ["region"],
               "mode": "append", "endpoint": "http://127.0.0.1:55000"},
    "watermark": "2024-04-30 00:00:00",
}
S3_JOB = {
    "jobId": "clicks",
    "runId": "r1",
    "source": {"type": "s3", "bucket": "raw-bucket", "prefix": "/clicks/2024/", "format": "json",
               "endpoint": "https://s3.example:9000", "region": "eu-west-1", "options": {"multiLine": True}},
    "target": {"type": "hdfs", "path": "hdfs://nn:8020/lake/clicks/"},
    "watermark": None,
}


def with_change(base, path, value, delete=False):
    job = copy.deepcopy(base)
    node = job
    for key in path[:-1]:
        node = node[key]
    if delete:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value
    return job


def test_valid_postgres_job_is_typed_and_normalized():
    cfg = parse_config(PG_JOB)
    assert isinstance(cfg.source, JdbcSource)
    assert cfg.source.table == "public.orders" and cfg.source.query is None
    assert (cfg.source.partition_column, cfg.source.num_partitions) == ("id", 4)
    assert cfg.target.path == "s3a://lake/raw/orders"  # trailing slash removed
    assert cfg.target.bucket == "lake"
    assert cfg.target.partition_by == ("region",)
    assert cfg.watermark == "2024-04-30 00:00:00"


def test_valid_s3_job_defaults():
    cfg = parse_config(S3_JOB)
    assert isinstance(cfg.source, S3Source)
    assert cfg.source.uri == "s3a://raw-bucket/clicks/2024/"
    assert cfg.source.region == "eu-west-1"
    assert cfg.target.path == "hdfs://nn:8020/lake/clicks"
    assert cfg.target.format == "parquet" and cfg.target.partition_by == ()
    assert cfg.target.mode == "overwrite"  # a full load replaces the dataset by default


def test_an_incremental_load_appends_by_default_and_any_load_may_choose():
    assert parse_config(with_change(PG_JOB, ["target", "mode"], None, delete=True)).target.mode == "append"
    for mode in ("overwrite", "append", "overwrite-partitions"):
        assert parse_config(with_change(PG_JOB, ["target", "mode"], mode)).target.mode == mode


CSV_JOB = {**S3_JOB, "source": {**S3_JOB["source"], "format": "csv", "options": {}}}


def test_s3_reader_options_become_spark_options():
    cfg = parse_config(with_change(CSV_JOB, ["source", "options"], {
        "header": False, "delimiter": ";", "schema": "id BIGINT, day DATE", "dateFormat": "dd.MM.yyyy"}))
    assert cfg.source.options == {"header": "false", "delimiter": ";", "schema": "id BIGINT, day DATE",
                                  "dateFormat": "dd.MM.yyyy"}
    assert parse_config(S3_JOB).source.options == {"multiLine": "true"}


def test_timeouts_have_defaults_and_may_be_given():
    assert parse_config(PG_JOB).timeouts.describe() == "connect 10s, login 30s, socket 600s"
    cfg = parse_config(with_change(PG_JOB, ["timeouts"], {"loginSeconds": 5, "socketSeconds": 60}))
    assert cfg.timeouts.describe() == "connect 10s, login 5s, socket 60s"


def test_mysql_query_source_strips_semicolon():
    job = with_change(PG_JOB, ["source"], {"type": "mysql", "host": "127.0.0.1", "port": 3306, "database": "db",
                                           "query": "SELECT a, b FROM t WHERE a > 1; "})
    job["watermark"] = None
    cfg = parse_config(job)
    assert cfg.source.query == "SELECT a, b FROM t WHERE a > 1"


def test_local_target_becomes_absolute_file_uri(tmp_path):
    job = with_change(S3_JOB, ["target"], {"type": "local", "path": str(tmp_path / "out") + "/"})
    assert parse_config(job).target.path == "file://" + str(tmp_path / "out")
    job = with_change(S3_JOB, ["target"], {"type": "local", "path": "file://" + str(tmp_path)})
    assert parse_config(job).target.path == "file://" + str(tmp_path)


def test_s3_scheme_is_accepted_as_s3a():
    job = with_change(PG_JOB, ["target", "path"], "s3://lake/x")
    assert parse_config(job).target.path == "s3a://lake/x"


BAD = [
    # (change, field named in the error, words in the message)
    (lambda: "not an object", "(root)", "must be an object"),
    (lambda: with_change(PG_JOB, ["jobId"], None, delete=True), "jobId", "required"),
    (lambda: with_change(PG_JOB, ["runId"], "../escape"), "runId", "letters, digits"),
    (lambda: with_change(PG_JOB, ["runId"], ""), "runId", "empty"),
    (lambda: with_change(PG_JOB, ["colour"], "red"), "colour", "unknown field"),
    (lambda: with_change(PG_JOB, ["source"], None, delete=True), "source", "must be an object"),
    (lambda: with_change(PG_JOB, ["source", "type"], "oracle"), "source.type", "one of postgres, mysql, s3"),
    (lambda: with_change(PG_JOB, ["source", "host"], "db host"), "source.host", "host name"),
    (lambda: with_change(PG_JOB, ["source", "port"], "5432"), "source.port", "integer"),
    (lambda: with_change(PG_JOB, ["source", "port"], 70000), "source.port", "between 1 and 65535"),
    (lambda: with_change(PG_JOB, ["source", "port"], True), "source.port", "integer"),
    (lambda: with_change(PG_JOB, ["source", "database"], "shop;drop"), "source.database", "letters"),
    (lambda: with_change(PG_JOB, ["source", "query"], "SELECT 1"), "source.table", "not both"),
    (lambda: with_change(PG_JOB, ["source", "table"], None, delete=True), "source.table", "one of table or query"),
    (lambda: with_change(PG_JOB, ["source", "table"], "orders; DROP TABLE x"), "source.table", "table name"),
    (lambda: with_change(PG_JOB, ["source", "partitionColumn"], "1abc"), "source.partitionColumn", "column name"),
    (lambda: with_change(PG_JOB, ["source", "numPartitions"], None, delete=True), "source.numPartitions",
     "required when partitionColumn"),
    (lambda: with_change(with_change(PG_JOB, ["source", "partitionColumn"], None, delete=True),
                         ["source", "numPartitions"], 3), "source.partitionColumn", "required when numPartitions"),
    (lambda: with_change(PG_JOB, ["source", "numPartitions"], 0), "source.numPartitions", "between 1"),
    (lambda: with_change(PG_JOB, ["source", "partitonColumn"], "id"), "source.partitonColumn", "unknown field"),
    (lambda: with_change(PG_JOB, ["watermark"], 42), "watermark", "string or null"),
    (lambda: with_change(PG_JOB, ["source", "incrementalColumn"], None, delete=True), "watermark",
     "incrementalColumn"),
    (lambda: with_change(S3_JOB, ["source", "bucket"], "Bad_Bucket"), "source.bucket", "bucket name"),
    (lambda: with_change(S3_JOB, ["source", "format"], "xml"), "source.format", "csv, json, parquet"),
    (lambda: with_change(S3_JOB, ["source", "endpoint"], "127.0.0.1:9000"), "source.endpoint", "http://"),
    (lambda: with_change(S3_JOB, ["source", "options"], {"header": True}), "source.options.header",
     "only applies to csv"),
    (lambda: with_change(CSV_JOB, ["source", "options"], {"header": "yes"}), "source.options.header", "true or false"),
    (lambda: with_change(CSV_JOB, ["source", "options"], {"delimiter": ";;"}), "source.options.delimiter",
     "one character"),
    (lambda: with_change(CSV_JOB, ["source", "options"], {"sep": ";"}), "source.options.sep", "unknown option"),
    (lambda: with_change(CSV_JOB, ["source", "options"], {"schema": " "}), "source.options.schema", "SQL DDL"),
    (lambda: with_change(CSV_JOB, ["source", "options"], {"schema": "a INT", "inferSchema": True}),
     "source.options.inferSchema", "cannot be true"),
    (lambda: with_change(S3_JOB, ["source", "format"], "parquet"), "source.options.multiLine", "csv and json"),
    (lambda: with_change(S3_JOB, ["target"], None, delete=True), "target", "must be an object"),
    (lambda: with_change(S3_JOB, ["target", "type"], "gcs"), "target.type", "s3, hdfs, local"),
    (lambda: with_change(S3_JOB, ["target", "path"], "/lake/clicks"), "target.path", "hdfs://host:port/path"),
    (lambda: with_change(S3_JOB, ["target", "path"], "hdfs://nn/lake"), "target.path", "NameNode port"),
    (lambda: with_change(S3_JOB, ["target", "path"], "hdfs://nn:8020/"), "target.path", "below /"),
    (lambda: with_change(PG_JOB, ["target", "path"], "s3a://lake"), "target.path", "prefix"),
    (lambda: with_change(PG_JOB, ["target", "path"], "hdfs://nn:1/x"), "target.path", "s3a://bucket/prefix"),
    (lambda: with_change(S3_JOB, ["target"], {"type": "local", "path": "s3a://b/x"}), "target.path",
     "local directory"),
    (lambda: with_change(S3_JOB, ["target"], {"type": "local", "path": "/"}), "target.path", "root"),
    (lambda: with_change(S3_JOB, ["target", "format"], "orc"), "target.format", "parquet"),
    (lambda: with_change(S3_JOB, ["target", "mode"], "upsert"), "target.mode",
     "overwrite, append, overwrite-partitions"),
    (lambda: with_change(S3_JOB, ["target", "mode"], "overwrite-partitions"), "target.mode", "needs target.partitionBy"),
    (lambda: with_change(S3_JOB, ["target", "partitionBy"], "day"), "target.partitionBy", "array"),
    (lambda: with_change(S3_JOB, ["target", "partitionBy"], ["day", "day"]), "target.partitionBy[1]", "twice"),
    (lambda: with_change(S3_JOB, ["target", "partitionBy"], ["run_id"]), "target.partitionBy[0]", "reserved"),
    (lambda: with_change(S3_JOB, ["target", "partitionBy"], ["a b"]), "target.partitionBy[0]", "column name"),
    (lambda: with_change(S3_JOB, ["target", "endpoint"], "http://x:1"), "target.endpoint", "only applies"),
    (lambda: with_change(S3_JOB, ["timeouts"], {"socketSeconds": 0}), "timeouts.socketSeconds", "between 1"),
    (lambda: with_change(S3_JOB, ["timeouts"], {"readSeconds": 5}), "timeouts.readSeconds", "unknown field"),
]


@pytest.mark.parametrize("make, field, words", BAD, ids=[f"{i:02d}-{b[1]}" for i, b in enumerate(BAD)])
def test_bad_config_names_the_field(make, field, words):
    with pytest.raises(ConfigError) as info:
        parse_config(make())
    assert info.value.field == field
    assert words in str(info.value), str(info.value)
    assert str(info.value).startswith(f"invalid config: {field}: ")


def test_credentials_come_from_the_environment():
    cfg = parse_config(PG_JOB)
    creds = credentials_from_env(cfg, {"INGEST_SOURCE_USER": "u", "INGEST_SOURCE_PASSWORD": "p",
                                       "INGEST_S3_ACCESS_KEY": "a", "INGEST_S3_SECRET_KEY": "s"})
    assert (creds.source_user, creds.source_password, creds.s3_access_key, creds.s3_secret_key) == ("u", "p", "a", "s")


def test_jdbc_source_requires_a_user():
    with pytest.raises(ConfigError) as info:
        credentials_from_env(parse_config(PG_JOB), {})
    assert info.value.field == "INGEST_SOURCE_USER"


def test_s3_keys_come_in_pairs_or_not_at_all():
    cfg = parse_config(S3_JOB)
    assert credentials_from_env(cfg, {}).s3_access_key is None  # default AWS chain
    with pytest.raises(ConfigError) as info:
        credentials_from_env(cfg, {"INGEST_S3_ACCESS_KEY": "a"})
    assert info.value.field == "INGEST_S3_SECRET_KEY"
