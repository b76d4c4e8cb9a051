"""Integration tests on one in-process SparkSession against the real loopback servers (PostgreSQL, MariaDB,
moto S3, HDFS). Every source reaches at least one target; each output is read back WITHOUT Spark (readback.py)
and compared with the source, read through its own client, by row count and an order-independent checksum."""
from __future__ import annotations

import json
import socket
import threading
import uuid

import pytest

from checksum import checksum
from conftest import (LAKE2_BUCKET, LAKE_BUCKET, MARIADB, S3_ENDPOINT, SESSION, SRC_BUCKET, mysql_connect,
                      mysql_rows, pg_connect, pg_rows, record_pair, s3_client, s3_csv_rows, s3_json_rows,
                      s3_objects)
from ingestion_app import main as app_main
from ingestion_app.config import credentials_from_env, parse_config
from ingestion_app.errors import IngestError
from ingestion_app.ingest import run_job, value_bytes_expr
from readback import list_names, read_dataset, read_parquet_dir, read_run


def run(spark, source: dict, target: dict, run_id: str, watermark=None) -> dict:
    cfg = parse_config({"jobId": "it", "runId": run_id, "source": source, "target": target,
                        "watermark": watermark})
    return run_job(spark, cfg, credentials_from_env(cfg))


def s3_target(name: str, bucket: str = LAKE_BUCKET, **extra) -> dict:
    return {"type": "s3", "path": f"s3a://{bucket}/it-{SESSION}/{name}", "endpoint": S3_ENDPOINT, **extra}


def hdfs_target(hdfs_base: str, name: str, **extra) -> dict:
    return {"type": "hdfs", "path": f"{hdfs_base}/{name}", **extra}


def local_target(tmp_path, name: str, **extra) -> dict:
    return {"type": "local", "path": str(tmp_path / "lake" / name), **extra}


def target_uri(target: dict) -> str:
    return parse_config({"jobId": "j", "runId": "r", "source": {"type": "s3", "bucket": "bkt", "format": "csv"},
                         "target": target}).target.path


def check_output(label_src: str, label_tgt: str, result: dict, expected: list, run_id: str) -> list:
    """The published run equals the source (rows and checksum), its marker agrees, nothing is staged."""
    assert result["status"] == "succeeded"
    assert result["outputPath"].endswith(f"/run_id={run_id}")
    rows, marker = read_run(result["outputPath"])
    src_sum, out_sum = checksum(expected), checksum(rows)
    record_pair(label_src, label_tgt, result, src_sum, out_sum)
    assert out_sum == src_sum, f"{label_src} -> {label_tgt}: output differs from source"
    assert result["rowsIn"] == result["rowsOut"] == len(expected)
    assert (marker["runId"], marker["rows"], marker["bytes"]) == (run_id, len(expected), result["bytesOut"])
    base = result["outputPath"].rsplit("/", 1)[0]
    assert "_staging" not in list_names(base), f"staging left behind in {base}"
    assert result["bytesOut"] > 0 and result["bytesIn"] > 0
    return rows


def without_run_id(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "run_id"}


def use_pg(env):
    env.setenv("INGEST_SOURCE_USER", "postgres")


def use_mysql(env):
    env.setenv("INGEST_SOURCE_USER", MARIADB["user"])
    env.setenv("INGEST_SOURCE_PASSWORD", MARIADB["password"])


def test_bytes_in_of_a_jdbc_source_is_the_size_of_the_values_read(spark):
    """UTF-8 bytes of text, fixed widths of the other values, nulls counted as nothing."""
    df = spark.createDataFrame(
        [("héllo", 1, 2, True, b"\x00\x01\x02"), (None, None, 3, None, None)],
        "name string, small int, big long, flag boolean, blob binary",
    )
    measured = df.agg(value_bytes_expr(df.schema).alias("bytes")).first()["bytes"]
    assert measured == len("héllo".encode()) + 4 + 2 * 8 + 1 + 3


# ---------------------------------------------------------------------------------------------------------
# Every source to a target


def test_postgres_table_partitioned_read_to_s3(spark, pg_source, s3_source, env, run_id):
    use_pg(env)
    src = {**pg_source, "table": "orders", "partitionColumn": "id", "numPartitions": 4}
    result = run(spark, src, s3_target("pg-orders", partitionBy=["region"]), run_id)
    assert result["sourcePartitions"] == 4
    check_output("postgres table orders (4 partitions)", "s3 parquet by region", result,
                 pg_rows("SELECT * FROM orders"), run_id)
    assert sorted(list_names(result["outputPath"])) == \
        ["_SUCCESS", "region=ap-south", "region=eu-west", "region=us-east"]


def test_partitioned_read_gives_the_same_rows(spark, pg_source, env, tmp_path):
    use_pg(env)
    expected = pg_rows("SELECT * FROM orders")
    single_id, multi_id = "r-single-" + uuid.uuid4().hex[:6], "r-multi-" + uuid.uuid4().hex[:6]
    single = run(spark, {**pg_source, "table": "orders"}, local_target(tmp_path, "orders-single"), single_id)
    # A timestamp partition column: Spark splits [min, max] of `created` into 5 ranges.
    multi = run(spark, {**pg_source, "table": "orders", "partitionColumn": "created", "numPartitions": 5},
                local_target(tmp_path, "orders-multi"), multi_id)
    assert (single["sourcePartitions"], multi["sourcePartitions"]) == (1, 5)
    rows_single = check_output("postgres table orders (1 partition)", "local parquet", single, expected, single_id)
    rows_multi = check_output("postgres table orders (5 by timestamp)", "local parquet", multi, expected, multi_id)
    assert checksum(rows_single) == checksum(rows_multi)


def test_mysql_query_to_hdfs(spark, mysql_source, hdfs_base, env, run_id):
    use_mysql(env)
    query = "SELECT id, device, value, ts FROM events WHERE kind <> 'noise'"
    src = {**mysql_source, "query": query, "partitionColumn": "id", "numPartitions": 3}
    result = run(spark, src, hdfs_target(hdfs_base, "mysql-events"), run_id)
    assert result["sourcePartitions"] == 3
    check_output("mysql query on events (3 partitions)", "hdfs parquet", result, mysql_rows(query), run_id)


def test_mysql_table_to_s3_partitioned_by_day(spark, mysql_source, s3_source, env, run_id):
    use_mysql(env)
    src = {**mysql_source, "table": "events", "partitionColumn": "ts", "numPartitions": 3}
    result = run(spark, src, s3_target("mysql-events", bucket=LAKE2_BUCKET, partitionBy=["day"]), run_id)
    check_output("mysql table events (3 by timestamp)", "s3 parquet by day", result,
                 mysql_rows("SELECT * FROM events"), run_id)


def test_s3_csv_to_local(spark, s3_source, env, tmp_path, run_id):
    src = {"type": "s3", "bucket": SRC_BUCKET, "prefix": "csv/customers/", "format": "csv", "endpoint": S3_ENDPOINT}
    result = run(spark, src, local_target(tmp_path, "customers"), run_id)
    check_output("s3 csv customers/ (2 objects)", "local parquet", result, s3_csv_rows("csv/customers/"), run_id)
    data_bytes = sum(size for key, size in s3_objects(SRC_BUCKET, "csv/customers/") if "/_" not in key)
    assert result["bytesIn"] == data_bytes  # the _SUCCESS object is not input


def test_s3_json_to_hdfs(spark, s3_source, hdfs_base, env, run_id):
    src = {"type": "s3", "bucket": SRC_BUCKET, "prefix": "json/clicks", "format": "json", "endpoint": S3_ENDPOINT}
    result = run(spark, src, hdfs_target(hdfs_base, "clicks", partitionBy=["ok"]), run_id)
    check_output("s3 json clicks/ (2 objects)", "hdfs parquet by ok", result, s3_json_rows("json/clicks/"), run_id)


def test_s3_parquet_to_s3(spark, s3_source, env, run_id):
    src = {"type": "s3", "bucket": SRC_BUCKET, "prefix": "parquet/readings/", "format": "parquet",
           "endpoint": S3_ENDPOINT}
    result = run(spark, src, s3_target("readings", partitionBy=["sensor"]), run_id)
    expected = read_parquet_dir(f"s3a://{SRC_BUCKET}/parquet/readings")
    check_output("s3 parquet readings/ (3 objects)", "s3 parquet by sensor", result, expected, run_id)
    data_bytes = sum(size for key, size in s3_objects(SRC_BUCKET, "parquet/readings/") if "/_" not in key)
    assert result["bytesIn"] == data_bytes


# ---------------------------------------------------------------------------------------------------------
# Typed file sources

TYPED_CSV = "id;amount;day;name\n1;12.50;2024-03-01;alpha\n2;7.25;2024-03-02;\"b;eta\"\n3;100.00;2024-02-29;gamma\n"


def put_source_object(key: str, body: str) -> str:
    s3_client().put_object(Bucket=SRC_BUCKET, Key=key, Body=body.encode())
    return key


def test_a_csv_source_lands_with_numeric_and_date_columns_typed(spark, s3_source, env, tmp_path):
    import datetime as dt
    from decimal import Decimal

    prefix = f"typed/{uuid.uuid4().hex[:6]}/"
    put_source_object(prefix + "sales.csv", TYPED_CSV)
    src = {"type": "s3", "bucket": SRC_BUCKET, "prefix": prefix, "format": "csv", "endpoint": S3_ENDPOINT}

    inferred = run(spark, {**src, "options": {"delimiter": ";", "inferSchema": True}},
                   local_target(tmp_path, "inferred"), "inferred")
    rows, _ = read_run(inferred["outputPath"])
    assert sorted(rows, key=lambda r: r["id"])[1] == \
        {"id": 2, "amount": 7.25, "day": dt.date(2024, 3, 2), "name": "b;eta"}

    given = run(spark, {**src, "options": {"delimiter": ";",
                                           "schema": "id BIGINT, amount DECIMAL(10,2), day DATE, name STRING"}},
                local_target(tmp_path, "given"), "given")
    rows, _ = read_run(given["outputPath"])
    assert sorted(rows, key=lambda r: r["id"])[2] == \
        {"id": 3, "amount": Decimal("100.00"), "day": dt.date(2024, 2, 29), "name": "gamma"}


def test_a_record_that_does_not_fit_the_schema_fails_the_run(spark, s3_source, env, tmp_path):
    prefix = put_source_object(f"typed/{uuid.uuid4().hex[:6]}/bad.csv", "id,day\n1,2024-03-01\n2,not a date\n")
    target = local_target(tmp_path, "bad")
    src = {"type": "s3", "bucket": SRC_BUCKET, "prefix": prefix, "format": "csv", "endpoint": S3_ENDPOINT,
           "options": {"schema": "id INT, day DATE"}}
    with pytest.raises(IngestError, match="Text 'not a date' could not be parsed"):
        run(spark, src, target, "r1")
    assert list_names(target_uri(target)) == []


def test_a_multiline_json_source(spark, s3_source, env, tmp_path):
    docs = [{"id": 1, "tags": ["a", "b"], "price": 2.5}, {"id": 2, "tags": [], "price": 4.0}]
    prefix = put_source_object(f"typed/{uuid.uuid4().hex[:6]}/doc.json", json.dumps(docs, indent=2))
    src = {"type": "s3", "bucket": SRC_BUCKET, "prefix": prefix, "format": "json", "endpoint": S3_ENDPOINT,
           "options": {"multiLine": True}}
    result = run(spark, src, local_target(tmp_path, "json"), "r1")
    rows, _ = read_run(result["outputPath"])
    assert sorted(rows, key=lambda r: r["id"]) == docs


# ---------------------------------------------------------------------------------------------------------
# Incremental loads


def test_incremental_postgres_reads_only_new_rows(spark, pg_source, env, tmp_path):
    use_pg(env)
    table = "inc_" + uuid.uuid4().hex[:8]
    with pg_connect() as conn, conn.cursor() as cur:
        cur.execute(f"CREATE TABLE {table} (id serial PRIMARY KEY, sku text, price numeric(10,2))")
        cur.execute(f"INSERT INTO {table} (sku, price) SELECT 'sku-' || g, g * 0.5 FROM generate_series(1, 200) g")
    src = {**pg_source, "table": table, "incrementalColumn": "id", "partitionColumn": "id", "numPartitions": 2}
    target = local_target(tmp_path, table)

    first = run(spark, src, target, "r1", watermark=None)
    check_output(f"postgres {table} (first load)", "local parquet", first, pg_rows(f"SELECT * FROM {table}"), "r1")
    assert first["watermark"] == "200"

    with pg_connect() as conn, conn.cursor() as cur:
        cur.execute(f"INSERT INTO {table} (sku, price) SELECT 'new-' || g, g FROM generate_series(1, 50) g")
    second = run(spark, src, target, "r2", watermark=first["watermark"])
    check_output(f"postgres {table} (incremental > 200)", "local parquet", second,
                 pg_rows(f"SELECT * FROM {table} WHERE id > 200"), "r2")
    assert second["rowsIn"] == 50 and second["watermark"] == "250"

    third = run(spark, src, target, "r3", watermark=second["watermark"])
    assert (third["rowsIn"], third["rowsOut"], third["watermark"]) == (0, 0, "250")  # nothing new: unchanged
    rows, marker = read_run(third["outputPath"])
    assert rows == [] and marker["rows"] == 0

    # The runs together hold the table exactly once.
    everything = read_parquet_dir(target_uri(target))
    assert sorted(r["run_id"] for r in everything).count("r1") == 200
    assert checksum([{k: v for k, v in r.items() if k != "run_id"} for r in everything]) == \
        checksum(pg_rows(f"SELECT * FROM {table}"))


def test_incremental_mysql_on_a_timestamp(spark, mysql_source, s3_source, env):
    use_mysql(env)
    import datetime as dt

    table = "inc_" + uuid.uuid4().hex[:8]
    base = dt.datetime(2024, 6, 1, 9, 30, 0, 250000)
    conn = mysql_connect()
    with conn.cursor() as cur:
        cur.execute(f"CREATE TABLE {table} (id INT PRIMARY KEY, name VARCHAR(20), updated DATETIME(6))")
        cur.executemany(f"INSERT INTO {table} VALUES (%s,%s,%s)",
                        [(i, f"n{i}", base + dt.timedelta(minutes=i, microseconds=i)) for i in range(1, 101)])
    src = {**mysql_source, "table": table, "incrementalColumn": "updated"}
    target = s3_target(table)
    r1, r2 = "r1-" + uuid.uuid4().hex[:6], "r2-" + uuid.uuid4().hex[:6]

    first = run(spark, src, target, r1)
    check_output(f"mysql {table} (first load)", "s3 parquet", first, mysql_rows(f"SELECT * FROM {table}"), r1)
    newest = mysql_rows(f"SELECT MAX(updated) AS m FROM {table}")[0]["m"]
    assert dt.datetime.fromisoformat(first["watermark"]) == newest

    with conn.cursor() as cur:
        later = newest + dt.timedelta(seconds=1)
        cur.executemany(f"INSERT INTO {table} VALUES (%s,%s,%s)",
                        [(1000 + i, f"late{i}", later + dt.timedelta(seconds=i)) for i in range(30)])
        # A row updated in the past is not picked up: the watermark only moves forward.
        cur.execute(f"INSERT INTO {table} VALUES (5000, 'backdated', %s)", (base,))
    conn.close()
    second = run(spark, src, target, r2, watermark=first["watermark"])
    expected = mysql_rows(f"SELECT * FROM {table} WHERE updated > %s", (newest,))
    assert len(expected) == 30
    check_output(f"mysql {table} (incremental on DATETIME(6))", "s3 parquet", second, expected, r2)
    assert dt.datetime.fromisoformat(second["watermark"]) == later + dt.timedelta(seconds=29)


# ---------------------------------------------------------------------------------------------------------
# Publishing: modes and retries


def test_three_runs_of_a_full_load_leave_exactly_one_copy(spark, pg_source, env, s3_source):
    use_pg(env)
    src = {**pg_source, "query": "SELECT id, region, amount FROM orders WHERE id <= 500"}
    target = s3_target("full-load")  # no mode: a full load replaces the dataset
    expected = pg_rows("SELECT id, region, amount FROM orders WHERE id <= 500")
    for i in (1, 2, 3):
        result = run(spark, src, target, f"full-{i}")
        assert (result["targetMode"], result["datasetVersion"]) == ("overwrite", i)
    version, rows = read_dataset(target_uri(target))
    assert version == 3 and len(rows) == 500
    assert checksum([without_run_id(r) for r in rows]) == checksum(expected)
    assert {r["run_id"] for r in rows} == {"full-3"}
    # What a plain listing of the target shows, too: the last run and the dataset file.
    assert list_names(target_uri(target)) == ["_dataset.json", "run_id=full-3"]


def test_append_keeps_every_run(spark, pg_source, env, tmp_path):
    use_pg(env)
    src = {**pg_source, "query": "SELECT id, region FROM orders WHERE id <= 100"}
    target = local_target(tmp_path, "appended", mode="append")
    for run_id in ("a1", "a2"):
        run(spark, src, target, run_id)
    _, rows = read_dataset(target_uri(target))
    assert sorted(r["run_id"] for r in rows) == ["a1"] * 100 + ["a2"] * 100
    # Switching the job to overwrite replaces both.
    run(spark, src, {**target, "mode": "overwrite"}, "o3")
    assert list_names(target_uri(target)) == ["_dataset.json", "run_id=o3"]
    assert len(read_dataset(target_uri(target))[1]) == 100


def test_overwrite_partitions_replaces_only_the_partitions_it_wrote(spark, pg_source, env, hdfs_base):
    use_pg(env)
    target = hdfs_target(hdfs_base, "by-region", partitionBy=["region"], mode="overwrite-partitions")
    run(spark, {**pg_source, "query": "SELECT id, region, qty FROM orders WHERE id <= 300"}, target, "all")
    # The second run re-delivers one region, with changed values.
    run(spark, {**pg_source, "query": "SELECT id, region, qty + 1000 AS qty FROM orders "
                                      "WHERE id <= 300 AND region = 'eu-west'"}, target, "eu")
    _, rows = read_dataset(target_uri(target))
    expected = pg_rows("SELECT id, region, CASE WHEN region = 'eu-west' THEN qty + 1000 ELSE qty END AS qty "
                       "FROM orders WHERE id <= 300")
    assert checksum([without_run_id(r) for r in rows]) == checksum(expected)
    assert {(r["region"], r["run_id"]) for r in rows} == \
        {("eu-west", "eu"), ("us-east", "all"), ("ap-south", "all")}
    assert list_names(f"{target_uri(target)}/run_id=all") == ["_SUCCESS", "region=ap-south", "region=us-east"]


@pytest.mark.parametrize("kind", ["s3", "local"])
def test_a_reader_during_a_run_sees_the_previous_complete_dataset(spark, pg_source, s3_source, env, tmp_path,
                                                                  kind):
    use_pg(env)
    target = s3_target(f"reader-{uuid.uuid4().hex[:6]}") if kind == "s3" else local_target(tmp_path, "reader")
    uri = target_uri(target)
    old_query = "SELECT id, region, amount FROM orders WHERE id <= 400"
    run(spark, {**pg_source, "query": old_query}, target, "old")
    old = checksum(pg_rows(old_query))
    new_query = "SELECT id, region, amount FROM orders WHERE id > 2000"
    new = checksum(pg_rows(new_query))
    # pg_sleep keeps the copy going for a while, so the reader reads while Spark writes, and while it publishes.
    slow = f"SELECT o.* FROM ({new_query}) o CROSS JOIN (SELECT pg_sleep(2)) pause"

    seen, stop = [], threading.Event()

    def reader():
        while not stop.is_set():
            version, rows = read_dataset(uri)
            seen.append((version, checksum([without_run_id(r) for r in rows])))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        run(spark, {**pg_source, "query": slow, "partitionColumn": "id", "numPartitions": 2}, target, "new")
    finally:
        stop.set()
        thread.join()
    assert seen, "the reader never read"
    assert all(s in ((1, old), (2, new)) for s in seen), f"a reader saw a partial or doubled dataset: {seen}"
    assert seen[0] == (1, old)
    assert read_dataset(uri)[1] and checksum([without_run_id(r) for r in read_dataset(uri)[1]]) == new
    print(f"\n{kind}: {len(seen)} reads during the run, {sum(1 for s in seen if s[0] == 1)} of the previous dataset")


def test_retry_of_the_same_run_replaces_it(spark, pg_source, env, hdfs_base):
    use_pg(env)
    src = {**pg_source, "query": "SELECT id, customer FROM orders WHERE id <= 40"}
    target = hdfs_target(hdfs_base, "retry", mode="append")
    run(spark, src, target, "same")
    result = run(spark, src, target, "same")
    assert list_names(target_uri(target)) == ["_dataset.json", "run_id=same"]
    assert len(read_run(result["outputPath"])[0]) == 40  # not 80
    assert len(read_dataset(target_uri(target))[1]) == 40


# ---------------------------------------------------------------------------------------------------------
# Failures: clear message, nothing visible at the target


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def run_main(tmp_path, job: dict) -> tuple:
    cfg_path, res_path = tmp_path / "job.json", tmp_path / "result.json"
    cfg_path.write_text(json.dumps(job))
    code = app_main.main(["--config", str(cfg_path), "--result", str(res_path)])
    return code, json.loads(res_path.read_text())


@pytest.mark.parametrize("change, field", [
    (lambda j: j["source"].pop("table"), "source.table"),
    (lambda j: j["source"].update(port="5432"), "source.port"),
    (lambda j: j["source"].update(numPartitions=4), "source.partitionColumn"),
    (lambda j: j["target"].update(path="s3a://bucket/x"), "target.path"),
    (lambda j: j.update(runId="../../etc"), "runId"),
])
def test_bad_config_fails_before_spark_with_the_field(tmp_path, env, change, field):
    use_pg(env)
    job = {"jobId": "j", "runId": "r", "source": {"type": "postgres", "host": "127.0.0.1", "port": 55432,
                                                   "database": "x", "table": "orders"},
           "target": {"type": "local", "path": str(tmp_path / "out")}}
    change(job)
    code, result = run_main(tmp_path, job)
    assert code == 2
    assert result["status"] == "failed" and result["errorField"] == field
    assert result["error"].startswith(f"invalid config: {field}: ")
    assert not (tmp_path / "out").exists()


def test_missing_credentials_fail_before_spark(tmp_path, env):
    job = {"jobId": "j", "runId": "r", "source": {"type": "mysql", "host": "127.0.0.1", "port": 53306,
                                                   "database": "x", "table": "t"},
           "target": {"type": "local", "path": str(tmp_path / "out")}}
    code, result = run_main(tmp_path, job)
    assert code == 2 and "INGEST_SOURCE_USER" in result["error"]


def test_unreachable_source_names_host_and_port(tmp_path, env):
    use_pg(env)
    port = free_port()
    job = {"jobId": "j", "runId": "r", "source": {"type": "postgres", "host": "127.0.0.1", "port": port,
                                                   "database": "x", "table": "orders"},
           "target": {"type": "local", "path": str(tmp_path / "out")}}
    code, result = run_main(tmp_path, job)
    assert code == 1 and result["status"] == "failed"
    assert result["error"].startswith(f"cannot reach postgres source at 127.0.0.1:{port}: ")
    assert not (tmp_path / "out").exists()


def test_unreachable_hdfs_target_names_the_namenode(tmp_path, env):
    port = free_port()
    job = {"jobId": "j", "runId": "r",
           "source": {"type": "s3", "bucket": SRC_BUCKET, "prefix": "csv/", "format": "csv", "endpoint": S3_ENDPOINT},
           "target": {"type": "hdfs", "path": f"hdfs://127.0.0.1:{port}/lake/x"}}
    code, result = run_main(tmp_path, job)
    assert code == 1 and f"cannot reach hdfs target NameNode at 127.0.0.1:{port}" in result["error"]


def test_missing_table_fails_and_leaves_nothing(spark, pg_source, env, tmp_path):
    use_pg(env)
    target = local_target(tmp_path, "missing")
    with pytest.raises(IngestError) as info:
        run(spark, {**pg_source, "table": "no_such_table"}, target, "r1")
    msg = str(info.value)
    where = f"{pg_source['host']}:{pg_source['port']}/{pg_source['database']}"
    assert msg.startswith(f"reading postgres source {where} (table no_such_table): ")
    assert 'relation "no_such_table" does not exist' in msg
    assert list_names(target_uri(target)) == []


def test_wrong_password_is_reported(spark, mysql_source, env, tmp_path):
    env.setenv("INGEST_SOURCE_USER", MARIADB["user"])
    env.setenv("INGEST_SOURCE_PASSWORD", "wrong")
    with pytest.raises(IngestError, match="Access denied for user 'ingest'"):
        run(spark, {**mysql_source, "table": "events"}, local_target(tmp_path, "pw"), "r1")


def test_failure_while_writing_leaves_no_run_and_no_staging(spark, pg_source, env, hdfs_base):
    use_pg(env)
    # Partitions without id 2500 succeed and write files; the one with it fails in the database.
    src = {**pg_source, "query": "SELECT id, 100 / (id - 2500) AS x FROM orders", "partitionColumn": "id",
           "numPartitions": 4}
    target = hdfs_target(hdfs_base, "broken")
    with pytest.raises(IngestError) as info:
        run(spark, src, target, "r1")
    assert "division by zero" in str(info.value)
    assert str(info.value).startswith("copying postgres source")
    assert list_names(target_uri(target)) == []  # neither run_id=r1 nor _staging


def test_missing_s3_prefix_is_reported(spark, s3_source, env, tmp_path):
    src = {"type": "s3", "bucket": SRC_BUCKET, "prefix": "no/such/prefix/", "format": "csv", "endpoint": S3_ENDPOINT}
    with pytest.raises(IngestError, match="nothing found at s3a://ingest-src/no/such/prefix/"):
        run(spark, src, local_target(tmp_path, "none"), "r1")


def test_partition_by_unknown_column_is_reported(spark, pg_source, env, tmp_path):
    use_pg(env)
    target = local_target(tmp_path, "badpart", partitionBy=["nope"])
    with pytest.raises(IngestError, match="target.partitionBy: column.s. nope not in the source"):
        run(spark, {**pg_source, "table": "orders"}, target, "r1")
    assert list_names(target_uri(target)) == []
