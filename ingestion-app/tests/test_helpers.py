"""Unit tests of the pure helpers: SQL building, target layout, S3 settings, event-log summary, checksums,
error reporting. No Spark, no servers."""
import datetime as dt
import json
import socket
from decimal import Decimal

import pytest

from checksum import canonical, checksum
from ingestion_app.config import Credentials, parse_config
from ingestion_app.errors import IngestError, check_reachable, root_message
from ingestion_app.eventlog import summarize_event_log
from ingestion_app.filesystem import is_hidden
from ingestion_app.ingest import hadoop_settings, run_path, staging_path
from ingestion_app.sql import bounds_query, jdbc_url, quote_ident, read_relation, sql_literal


def jdbc(**src):
    base = {"type": "postgres", "host": "h", "port": 5432, "database": "d", "table": "t"}
    base.update(src)
    return parse_config({"jobId": "j", "runId": "r", "source": base,
                         "target": {"type": "local", "path": "/tmp/x"}}).source


def test_jdbc_urls_pick_spark_dialects():
    assert jdbc_url(jdbc()) == "jdbc:postgresql://h:5432/d"
    # Spark uses its MySQL dialect only for jdbc:mysql URLs; the MariaDB driver needs permitMysqlScheme.
    assert jdbc_url(jdbc(type="mysql", port=3306)) == "jdbc:mysql://h:3306/d?permitMysqlScheme"


def test_identifiers_are_quoted_per_dialect():
    assert quote_ident("postgres", "public.Orders") == '"public"."Orders"'
    assert quote_ident("mysql", "shop.orders") == "`shop`.`orders`"


@pytest.mark.parametrize("kind, value, expected", [
    ("postgres", "2024-01-01 10:00:00", "'2024-01-01 10:00:00'"),
    ("postgres", "O'Brien", "'O''Brien'"),
    ("postgres", "a\\b", "'a\\b'"),
    ("mysql", "O'Brien", "'O''Brien'"),
    ("mysql", "a\\' OR 1=1 --", "'a\\\\'' OR 1=1 --'"),
])
def test_literals_cannot_break_out(kind, value, expected):
    assert sql_literal(kind, value) == expected


def test_read_relation_forms():
    assert read_relation(jdbc(), None) == '"t"'
    assert read_relation(jdbc(table=None, query="SELECT a FROM t"), None) == "(SELECT a FROM t) ingest_src"
    inc = jdbc(incrementalColumn="updated")
    assert read_relation(inc, None) == '"t"'  # first run: everything
    assert read_relation(inc, "5") == """(SELECT * FROM "t" WHERE "updated" > '5') ingest_src"""
    q = jdbc(type="mysql", table=None, query="SELECT * FROM e", incrementalColumn="ts")
    assert read_relation(q, "2024-01-01") == \
        "(SELECT * FROM (SELECT * FROM e) ingest_q WHERE `ts` > '2024-01-01') ingest_src"


def test_bounds_query_covers_only_the_rows_read():
    src = jdbc(partitionColumn="id", numPartitions=4, incrementalColumn="id")
    assert bounds_query(src, "10") == \
        """SELECT MIN("id") AS lo, MAX("id") AS hi FROM (SELECT * FROM "t" WHERE "id" > '10') ingest_src"""


def test_target_layout():
    cfg = parse_config({"jobId": "j", "runId": "run-7", "source": {"type": "s3", "bucket": "src", "prefix": "p",
                                                                    "format": "csv"},
                        "target": {"type": "hdfs", "path": "hdfs://nn:8020/lake/t/"}})
    assert staging_path(cfg.target, cfg.run_id) == "hdfs://nn:8020/lake/t/_staging/run-7"
    assert run_path(cfg.target, cfg.run_id) == "hdfs://nn:8020/lake/t/run_id=run-7"


def test_hidden_names_follow_spark():
    assert is_hidden("_SUCCESS") and is_hidden("_staging") and is_hidden(".part-0.crc")
    assert not is_hidden("part-0.parquet") and not is_hidden("_col=1") and not is_hidden("run_id=r")


def test_s3_settings_are_per_bucket_and_keys_only_when_given():
    cfg = parse_config({
        "jobId": "j", "runId": "r",
        "source": {"type": "s3", "bucket": "src", "prefix": "", "format": "csv", "endpoint": "http://127.0.0.1:1"},
        "target": {"type": "s3", "path": "s3a://dst/x", "endpoint": "https://s3.example"},
    })
    s = hadoop_settings(cfg, Credentials())
    assert s["fs.s3a.bucket.src.endpoint"] == "http://127.0.0.1:1"
    assert s["fs.s3a.bucket.src.connection.ssl.enabled"] == "false"
    assert s["fs.s3a.bucket.src.path.style.access"] == "true"
    assert s["fs.s3a.bucket.dst.connection.ssl.enabled"] == "true"
    assert "fs.s3a.access.key" not in s and "fs.s3a.aws.credentials.provider" not in s
    s = hadoop_settings(cfg, Credentials(s3_access_key="a", s3_secret_key="b"))
    assert (s["fs.s3a.access.key"], s["fs.s3a.secret.key"]) == ("a", "b")


def _task_end(run_ms, cpu_ns, peak, rin, bin_, rout, bout, heap=0, failed=False, stage=0):
    return json.dumps({
        "Event": "SparkListenerTaskEnd",
        "Stage ID": stage,
        "Task Info": {"Failed": failed, "Killed": False},
        "Task Metrics": {"Executor Run Time": run_ms, "Executor CPU Time": cpu_ns, "Peak Execution Memory": peak,
                         "JVM GC Time": 1,
                         "Input Metrics": {"Bytes Read": bin_, "Records Read": rin},
                         "Output Metrics": {"Bytes Written": bout, "Records Written": rout}},
        "Task Executor Metrics": {"JVMHeapMemory": heap},
    })


def test_event_log_summary_sums_tasks_and_keeps_peaks():
    lines = [
        json.dumps({"Event": "SparkListenerApplicationStart", "App ID": "local-1", "Timestamp": 1000}),
        _task_end(100, 40_000_000, 1024, 10, 500, 10, 300, heap=5000),
        _task_end(200, 60_000_000, 4096, 20, 700, 20, 400, heap=3000, failed=True),
        json.dumps({"Event": "SparkListenerApplicationEnd", "Timestamp": 4500}),
        '{"Event": "SparkListenerTaskEnd", "Task Metr',  # cut short by a crash
    ]
    s = summarize_event_log(lines)
    assert s["appId"] == "local-1" and s["durationMs"] == 3500
    assert (s["tasks"], s["failedTasks"]) == (2, 1)
    assert (s["executorRunTimeMs"], s["executorCpuTimeMs"]) == (300, 100)
    assert (s["peakExecutionMemoryBytes"], s["peakJvmHeapBytes"]) == (4096, 5000)
    assert (s["inputRecords"], s["inputBytes"], s["outputRecords"], s["outputBytes"]) == (30, 1200, 30, 700)


def test_event_log_io_counts_only_the_copy_job_when_tagged():
    def job(stages, group):
        return json.dumps({"Event": "SparkListenerJobStart", "Stage IDs": stages,
                           "Properties": {"spark.jobGroup.id": group}})

    lines = [
        job([0], "ingest-prepare"), _task_end(10, 1_000_000, 0, 1, 0, 0, 0, stage=0),          # bounds query
        job([1, 2], "ingest-copy"), _task_end(100, 9_000_000, 64, 500, 0, 500, 900, stage=2),  # the copy
        job([3], "ingest-verify"), _task_end(20, 2_000_000, 0, 500, 800, 0, 0, stage=3),       # read-back
    ]
    s = summarize_event_log(lines)
    assert (s["inputRecords"], s["inputBytes"], s["outputRecords"], s["outputBytes"]) == (500, 0, 500, 900)
    assert s["executorCpuTimeMs"] == 12 and s["tasks"] == 3  # cost covers every job


def test_checksum_is_order_independent_and_sensitive():
    rows = [{"id": i, "v": Decimal("1.50") * i, "t": dt.datetime(2024, 1, 1, 0, 0, i)} for i in range(50)]
    assert checksum(rows) == checksum(list(reversed(rows)))
    changed = [dict(r) for r in rows]
    changed[7]["v"] = Decimal("0.01")
    assert checksum(changed) != checksum(rows)
    assert checksum(rows + rows[:1]) != checksum(rows)  # a duplicate changes it too
    assert checksum(rows[1:])[0] == 49


def test_canonical_values_agree_across_clients():
    assert canonical(Decimal("12.50")) == canonical(Decimal("12.5")) == "12.5"
    assert canonical(Decimal("5.00")) == "5"
    assert canonical(dt.datetime(2024, 1, 1, 1, 2, 3, tzinfo=dt.timezone.utc)) == "2024-01-01 01:02:03"
    assert canonical(True) == "true" and canonical(1) == "1" and canonical(None) != canonical("")


def test_unreachable_port_is_reported_with_host_and_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(IngestError) as info:
        check_reachable("127.0.0.1", port, "postgres source")
    assert f"cannot reach postgres source at 127.0.0.1:{port}" in str(info.value)
    with pytest.raises(IngestError, match="unknown host"):
        check_reachable("no-such-host.invalid", 5432, "mysql source")


def test_root_message_without_jvm_uses_first_line():
    assert root_message(ValueError("first line\nsecond")) == "first line"


def test_jdbc_timeouts_in_each_drivers_unit():
    from ingestion_app.timeouts import Timeouts, jdbc_properties

    t = Timeouts(connect_seconds=4, login_seconds=6, socket_seconds=60)
    assert jdbc_properties("postgres", t) == {"connectTimeout": "4", "loginTimeout": "6", "socketTimeout": "60"}
    assert jdbc_properties("mysql", t) == {"connectTimeout": "4000", "socketTimeout": "60000"}
