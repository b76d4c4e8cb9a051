"""Entry point for spark-submit:

  spark-submit --master local[N] --jars <comma list> ingestion-app/src/ingestion_app/main.py \
      --config job.json --result result.json [--event-log-dir DIR]

Exit codes: 0 succeeded, 1 the run failed, 2 the config (or the command line) is invalid. In every case where
--result is given, result.json is written (atomically) with the outcome; see ingestion-app/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

if __package__ in (None, ""):
    # Run as a file by spark-submit: make the package importable from its source folder.
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from ingestion_app.config import ConfigError, JdbcSource, S3Source, credentials_from_env, parse_config  # noqa: E402
from ingestion_app.errors import IngestError, check_reachable  # noqa: E402
from ingestion_app.eventlog import summarize_event_log_file  # noqa: E402
from ingestion_app.ingest import describe_target_host, run_job  # noqa: E402

EXIT_OK, EXIT_FAILED, EXIT_CONFIG = 0, 1, 2


def write_result(path: str, result: dict) -> None:
    """Atomic: the caller never reads a half-written result.json."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".result-", suffix=".json", dir=directory)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(tmp, path)


def load_config(path: str):
    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
    except FileNotFoundError:
        raise ConfigError("--config", f"file not found: {path}") from None
    except json.JSONDecodeError as e:
        raise ConfigError("--config", f"{path} is not valid JSON: {e}") from None
    return parse_config(raw)


def preflight(cfg) -> None:
    """Reachability of every server the job needs, checked before Spark starts."""
    src = cfg.source
    if isinstance(src, JdbcSource):
        check_reachable(src.host, src.port, f"{src.type} source")
    elif isinstance(src, S3Source) and src.endpoint:
        from urllib.parse import urlsplit

        u = urlsplit(src.endpoint)
        check_reachable(u.hostname, u.port or (443 if u.scheme == "https" else 80), "s3 source endpoint")
    hp = describe_target_host(cfg.target)
    if hp:
        what = "hdfs target NameNode" if cfg.target.type == "hdfs" else "s3 target endpoint"
        check_reachable(hp[0], hp[1], what)


def build_spark(cfg, event_log_dir):
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    conf = SparkConf()  # carries spark-submit's --master/--jars/--conf
    defaults = {
        "spark.app.name": f"ingest {cfg.job_id} {cfg.run_id}",
        # The Spark UI would listen on every interface; the executor reads metrics from the event log.
        "spark.ui.enabled": "false",
        # Peak JVM heap and RSS per task in the event log (SparkListenerTaskEnd "Task Executor Metrics");
        # without polling they are sampled only at heartbeats and short runs report 0.
        "spark.executor.metrics.pollingInterval": "100ms",
        "spark.executor.processTreeMetrics.enabled": "true",
    }
    if conf.get("spark.master", "local").startswith("local"):
        defaults["spark.driver.bindAddress"] = "127.0.0.1"
        defaults["spark.driver.host"] = "127.0.0.1"
    for k, v in defaults.items():
        if not conf.contains(k):
            conf.set(k, v)
    if event_log_dir:
        os.makedirs(event_log_dir, exist_ok=True)
        conf.set("spark.eventLog.enabled", "true")
        conf.set("spark.eventLog.dir", "file://" + os.path.abspath(event_log_dir))
        conf.set("spark.eventLog.rolling.enabled", "false")
        conf.set("spark.eventLog.compress", "false")
    return SparkSession.builder.config(conf=conf).getOrCreate()


def event_log_file(spark) -> str | None:
    conf = spark.sparkContext.getConf()
    if conf.get("spark.eventLog.enabled", "false").lower() != "true":
        return None
    directory = conf.get("spark.eventLog.dir", "")
    if not directory.startswith("file:"):
        return None
    directory = directory[len("file:"):]
    while directory.startswith("//"):
        directory = directory[1:]
    return os.path.join(directory, spark.sparkContext.applicationId)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="ingestion_app", description="Copy one source into a data lake target.")
    parser.add_argument("--config", required=True, help="job.json")
    parser.add_argument("--result", required=True, help="where to write result.json")
    parser.add_argument("--event-log-dir", default=os.environ.get("INGEST_EVENT_LOG_DIR"),
                        help="enable Spark's event log (plain JSON, not rolled) in this local directory")
    args = parser.parse_args(argv)
    started = time.time()

    def finish(result: dict, code: int) -> int:
        result.setdefault("durationMs", int((time.time() - started) * 1000))
        write_result(args.result, result)
        line = f"ingestion_app: {result['status']}"
        if result["status"] == "succeeded":
            line += f" rowsIn={result['rowsIn']} rowsOut={result['rowsOut']} -> {result['outputPath']}"
        else:
            line += f": {result['error']}"
        print(line, file=sys.stderr)
        return code

    try:
        cfg = load_config(args.config)
        creds = credentials_from_env(cfg)
    except ConfigError as e:
        return finish({"status": "failed", "error": str(e), "errorField": e.field}, EXIT_CONFIG)

    try:
        preflight(cfg)
    except IngestError as e:
        return finish({"status": "failed", "error": str(e), "jobId": cfg.job_id, "runId": cfg.run_id}, EXIT_FAILED)

    spark = None
    result: dict
    code = EXIT_OK
    try:
        spark = build_spark(cfg, args.event_log_dir)
        result = run_job(spark, cfg, creds)
    except IngestError as e:
        result, code = {"status": "failed", "error": str(e)}, EXIT_FAILED
    except Exception as e:  # a bug or a JVM crash: still report it
        result, code = {"status": "failed", "error": f"unexpected {type(e).__name__}: {e}"}, EXIT_FAILED
    result["jobId"], result["runId"] = cfg.job_id, cfg.run_id
    if spark is not None:
        log_path = event_log_file(spark)
        result["appId"] = spark.sparkContext.applicationId
        spark.stop()  # finishes the event log
        if log_path and os.path.exists(log_path):
            result["eventLog"] = log_path
            try:
                result["metrics"] = summarize_event_log_file(log_path)
            except OSError as e:
                result["metricsError"] = str(e)
    return finish(result, code)


if __name__ == "__main__":
    sys.exit(main())
