"""The application as the local executor runs it: a real `spark-submit` child process with the documented
command line, job.json, result.json, credentials in the environment and the event log switched on."""
from __future__ import annotations

import json
import os
import subprocess
import time

from checksum import checksum
from conftest import APP, JARS, MARIADB, VENV, pg_rows, record_pair
from readback import list_names, read_run

MAIN = os.path.join(APP, "src", "ingestion_app", "main.py")
CONTRACT_FIELDS = {"status", "rowsIn", "rowsOut", "bytesIn", "bytesOut", "watermark", "outputPath"}


def spark_submit(tmp_path, job: dict, env_extra: dict, event_log: bool = False) -> tuple:
    cfg, res = tmp_path / "job.json", tmp_path / "result.json"
    cfg.write_text(json.dumps(job))
    cmd = [os.path.join(VENV, "bin", "spark-submit"), "--master", "local[2]", "--conf", "spark.driver.memory=1g",
           "--jars", ",".join(JARS)]
    if event_log:
        # What the executor passes to get metrics (equivalently: main.py --event-log-dir DIR).
        cmd += ["--conf", "spark.eventLog.enabled=true",
                "--conf", f"spark.eventLog.dir=file://{tmp_path / 'events'}",
                "--conf", "spark.eventLog.rolling.enabled=false",
                "--conf", "spark.eventLog.compress=false"]
        (tmp_path / "events").mkdir()
    cmd += [MAIN, "--config", str(cfg), "--result", str(res)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("INGEST_")}
    env.update(env_extra)
    env["PYSPARK_PYTHON"] = os.path.join(VENV, "bin", "python")
    started = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    elapsed = time.time() - started
    assert res.exists(), f"no result.json; spark-submit exited {proc.returncode}:\n{proc.stderr[-3000:]}"
    return proc, json.loads(res.read_text()), elapsed


def test_spark_submit_postgres_to_local_with_event_log(pg_source, tmp_path):
    out = tmp_path / "lake" / "orders"
    job = {"jobId": "orders", "runId": "submit-1",
           "source": {**pg_source, "table": "orders", "partitionColumn": "id", "numPartitions": 2},
           "target": {"type": "local", "path": str(out), "partitionBy": ["region"]},
           "watermark": None}
    proc, result, elapsed = spark_submit(tmp_path, job, {"INGEST_SOURCE_USER": "postgres"}, event_log=True)
    print(f"\nspark-submit postgres -> local: {elapsed:.1f}s wall")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert CONTRACT_FIELDS <= set(result)
    assert result["status"] == "succeeded" and result["outputPath"] == f"file://{out}/run_id=submit-1"

    rows, marker = read_run(result["outputPath"])
    expected = pg_rows("SELECT * FROM orders")
    src_sum, out_sum = checksum(expected), checksum(rows)
    record_pair("postgres table orders [spark-submit]", "local parquet by region", result, src_sum, out_sum,
                note=f"spark-submit {elapsed:.1f}s wall")
    assert out_sum == src_sum and result["rowsIn"] == result["rowsOut"] == len(expected)

    # The event log is plain JSON lines and its task metrics agree with what was written.
    log = result["eventLog"]
    assert os.path.dirname(log) == str(tmp_path / "events") and not log.endswith(".inprogress")
    with open(log, encoding="utf-8") as f:
        events = [json.loads(line) for line in f]
    kinds = {e["Event"] for e in events}
    assert {"SparkListenerApplicationStart", "SparkListenerApplicationEnd", "SparkListenerTaskEnd"} <= kinds
    m = result["metrics"]
    assert m["outputRecords"] == result["rowsOut"]
    assert m["outputBytes"] == result["bytesOut"]
    assert m["executorCpuTimeMs"] > 0 and m["executorRunTimeMs"] > 0
    assert m["peakExecutionMemoryBytes"] > 0 and m["tasks"] >= 2 and m["failedTasks"] == 0
    assert m["inputRecords"] == result["rowsIn"]  # JDBC rows read by the copy job only
    assert m["peakJvmHeapBytes"] > 0 and m["peakJvmRssBytes"] > 0
    assert m["durationMs"] > 0 and m["appId"] == result["appId"]


def test_spark_submit_missing_table_exits_non_zero(mysql_source, tmp_path):
    out = tmp_path / "lake" / "missing"
    job = {"jobId": "events", "runId": "submit-2",
           "source": {**mysql_source, "table": "missing_table"},
           "target": {"type": "local", "path": str(out)}}
    proc, result, elapsed = spark_submit(
        tmp_path, job, {"INGEST_SOURCE_USER": MARIADB["user"], "INGEST_SOURCE_PASSWORD": MARIADB["password"]})
    print(f"\nspark-submit mysql missing table: {elapsed:.1f}s wall")
    assert proc.returncode == 1
    assert result["status"] == "failed"
    assert result["error"].startswith("reading mysql source 127.0.0.1:")
    assert "missing_table" in result["error"] and "doesn't exist" in result["error"]
    assert list_names(f"file://{out}") == []
