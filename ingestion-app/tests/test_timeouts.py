"""Bounded failure against real servers that accept the connection and never answer (silent_server.py): each
run fails within its timeouts, with a message that names them, and publishes nothing."""
from __future__ import annotations

import time

import pytest

from conftest import MARIADB
from ingestion_app.config import credentials_from_env, parse_config
from ingestion_app.errors import IngestError
from ingestion_app.ingest import run_job
from readback import list_names
from silent_server import SilentServer

TIMEOUTS = {"connectSeconds": 3, "loginSeconds": 3, "socketSeconds": 3}
NAMED = "timeouts: connect 3s, login 3s, socket 3s"


@pytest.fixture
def silent():
    server = SilentServer()
    yield server
    server.close()


def run_against(spark, source: dict, tmp_path) -> tuple:
    target = {"type": "local", "path": str(tmp_path / "lake")}
    cfg = parse_config({"jobId": "t", "runId": "r1", "source": source, "target": target, "timeouts": TIMEOUTS})
    started = time.monotonic()
    with pytest.raises(IngestError) as info:
        run_job(spark, cfg, credentials_from_env(cfg))
    return str(info.value), time.monotonic() - started


@pytest.mark.parametrize("kind", ["postgres", "mysql"])
def test_a_silent_database_fails_within_its_timeout(spark, services, env, silent, tmp_path, kind):
    env.setenv("INGEST_SOURCE_USER", MARIADB["user"])
    env.setenv("INGEST_SOURCE_PASSWORD", MARIADB["password"])
    source = {"type": kind, "host": "127.0.0.1", "port": silent.port, "database": "db", "table": "t"}
    message, took = run_against(spark, source, tmp_path)
    print(f"\n{kind}: failed after {took:.1f}s: {message}")
    assert silent.accepted >= 1  # the server was reached: this is not a refused connection
    assert message.startswith(f"reading {kind} source 127.0.0.1:{silent.port}/db (table t): ")
    assert NAMED in message and "timed out" in message.lower()
    assert took < 3 * 3 + 10
    assert list_names("file://" + str(tmp_path / "lake")) == []


def test_a_silent_s3_endpoint_fails_within_its_timeout(spark, services, env, silent, tmp_path):
    # A bucket name of its own: S3A caches one client per bucket, with the settings it was created with.
    source = {"type": "s3", "bucket": f"silent-{silent.port}", "prefix": "x/", "format": "csv",
              "endpoint": f"http://127.0.0.1:{silent.port}"}
    message, took = run_against(spark, source, tmp_path)
    print(f"\ns3: failed after {took:.1f}s: {message}")
    assert silent.accepted >= 1
    assert message.startswith(f"reading s3 source s3a://silent-{silent.port}/x/ (csv): ")
    assert "timeouts: connect 3s, socket 3s, S3 request 15s, no retry" in message
    assert took < 2 * 15 + 10
    assert list_names("file://" + str(tmp_path / "lake")) == []
