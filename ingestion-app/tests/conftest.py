"""Fixtures for the ingestion application's tests.

Integration tests run against real servers on loopback, started (idempotently) by the repository's service
scripts: PostgreSQL 127.0.0.1:55432, MariaDB 127.0.0.1:53306, moto S3 127.0.0.1:55000, HDFS 127.0.0.1:58020.
If one cannot be started or reached the tests fail, naming it; nothing is skipped.
"""
from __future__ import annotations

import glob
import os
import socket
import subprocess
import sys
import time
import uuid

import pytest

# One time zone for the test process, the Spark JVMs it starts and the spark-submit children, so that
# timestamps read by the database clients and by Spark compare equal.
os.environ["TZ"] = "UTC"
time.tzset()
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

HERE = os.path.dirname(os.path.abspath(__file__))
APP = os.path.dirname(HERE)
REPO = os.path.dirname(APP)
SRC = os.path.join(APP, "src")
sys.path.insert(0, SRC)
sys.path.insert(0, HERE)

TOOLS = os.path.join(REPO, ".tools", "spark")
VENV = os.path.join(TOOLS, "venv")
JARS = sorted(glob.glob(os.path.join(TOOLS, "jars", "*.jar")))

PG = {"host": "127.0.0.1", "port": int(os.environ.get("INGEST_PG_PORT", "55432")), "user": "postgres"}
MARIADB = {"host": "127.0.0.1", "port": int(os.environ.get("INGEST_MARIADB_PORT", "53306")),
           "user": "ingest", "password": "ingest"}
MOTO_PORT = int(os.environ.get("INGEST_MOTO_PORT", "55000"))
S3_ENDPOINT = f"http://127.0.0.1:{MOTO_PORT}"
S3_KEYS = {"access": "test", "secret": "test"}
HDFS_PORT = int(os.environ.get("INGEST_HDFS_PORT", "58020"))
HDFS_URL = f"hdfs://127.0.0.1:{HDFS_PORT}"
SERVICES = {
    "postgres": PG["port"],
    "mariadb": MARIADB["port"],
    "moto": MOTO_PORT,
    "hdfs": HDFS_PORT,
}
SOURCE_DB = "ingest_src_it"  # created in both PostgreSQL and MariaDB; dropped and re-seeded per session
SESSION = time.strftime("%Y%m%d%H%M%S") + "-" + uuid.uuid4().hex[:6]

# Source -> target pairs that the tests moved, with rows and checksums; printed at the end of the run.
PAIRS: list = []


def record_pair(source: str, target: str, result: dict, src_sum: tuple, out_sum: tuple, note: str = "") -> None:
    PAIRS.append({
        "pair": f"{source} -> {target}",
        "note": note,
        "rowsIn": result.get("rowsIn"),
        "rowsOut": result.get("rowsOut"),
        "source": src_sum,
        "output": out_sum,
        "ok": src_sum == out_sum and result.get("rowsIn") == result.get("rowsOut") == src_sum[0],
    })


def pytest_terminal_summary(terminalreporter):
    if not PAIRS:
        return
    tr = terminalreporter
    tr.section("ingestion pairs: source -> target (rows in/out, source vs output checksum)")
    for p in PAIRS:
        tr.write_line(
            f"{'OK  ' if p['ok'] else 'DIFF'} {p['pair']:<58} rowsIn={p['rowsIn']:<5} rowsOut={p['rowsOut']:<5} "
            f"source={p['source'][0]}/{p['source'][1]} output={p['output'][0]}/{p['output'][1]}"
            + (f" ({p['note']})" if p["note"] else "")
        )


def _reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def services():
    """Starts (or finds running) every loopback server the integration tests use."""
    problems = []
    for name, port in SERVICES.items():
        script = os.path.join(REPO, "test-infra", "services", f"{name}.sh")
        proc = subprocess.run(["bash", script, "start"], capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            problems.append(f"{name}: '{script} start' exited {proc.returncode}: {proc.stderr.strip()[-800:]}")
        elif not _reachable(port):
            problems.append(f"{name}: started but 127.0.0.1:{port} does not answer")
    if problems:
        pytest.fail("loopback services unavailable:\n  " + "\n  ".join(problems), pytrace=False)
    return SERVICES


@pytest.fixture(scope="session")
def spark(services):
    """One local SparkSession for the in-process tests (the JVM start costs ~10 s)."""
    if not JARS:
        pytest.fail(f"no jars in {TOOLS}/jars: run test-infra/spark/setup.sh", pytrace=False)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("ingestion-app tests")
        .config("spark.jars", ",".join(JARS))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("WARN")
    yield session
    session.stop()


@pytest.fixture
def env(monkeypatch):
    """Credentials as the executor passes them: environment variables, never job.json."""
    monkeypatch.setenv("INGEST_S3_ACCESS_KEY", S3_KEYS["access"])
    monkeypatch.setenv("INGEST_S3_SECRET_KEY", S3_KEYS["secret"])
    monkeypatch.delenv("INGEST_SOURCE_USER", raising=False)
    monkeypatch.delenv("INGEST_SOURCE_PASSWORD", raising=False)
    return monkeypatch


@pytest.fixture
def run_id():
    return "r-" + uuid.uuid4().hex[:10]


# ---------------------------------------------------------------------------------------------------------
# Seeded sources. Data is generated deterministically; the expected checksums are always computed by reading
# the source back through its own client (psycopg2, pymysql, boto3), never from the generator.

def pg_connect(dbname: str = SOURCE_DB):
    import psycopg2

    conn = psycopg2.connect(host=PG["host"], port=PG["port"], user=PG["user"], dbname=dbname)
    conn.autocommit = True
    return conn


def pg_rows(sql: str, params=None) -> list:
    with pg_connect() as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        cols = [d.name for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]


def mysql_connect(database: str | None = SOURCE_DB):
    import pymysql

    return pymysql.connect(host=MARIADB["host"], port=MARIADB["port"], user=MARIADB["user"],
                           password=MARIADB["password"], database=database, autocommit=True, charset="utf8mb4")


def mysql_rows(sql: str, params=None) -> list:
    import pymysql.cursors

    conn = mysql_connect()
    try:
        with conn.cursor(pymysql.cursors.DictCursor) as cur:
            cur.execute(sql, params)
            return list(cur.fetchall())
    finally:
        conn.close()


def s3_client():
    import boto3

    return boto3.client("s3", endpoint_url=S3_ENDPOINT, aws_access_key_id=S3_KEYS["access"],
                        aws_secret_access_key=S3_KEYS["secret"], region_name="us-east-1")


def _orders(n: int, seed: int) -> list:
    import datetime as dt
    import random
    from decimal import Decimal

    rnd = random.Random(seed)
    regions = ["eu-west", "us-east", "ap-south"]
    notes = [None, "rush", "gift 'wrap'", "naïve café", "comma, inside", 'say "hi"', "back\\slash"]
    base = dt.datetime(2024, 1, 1, 0, 0, 0)
    out = []
    for i in range(1, n + 1):
        created = base + dt.timedelta(minutes=17 * i, microseconds=rnd.randrange(1_000_000))
        out.append((
            i, f"cust-{rnd.randrange(500):03d}", regions[i % 3],
            Decimal(rnd.randrange(1, 10_000_00)) / 100, rnd.randrange(1, 20), created,
            (created + dt.timedelta(days=rnd.randrange(1, 9))).date() if i % 5 else None,
            notes[i % len(notes)],
        ))
    return out


@pytest.fixture(scope="session")
def pg_source(services):
    """PostgreSQL database ingest_src_it with table orders (3000 rows, NULLs, quotes, unicode)."""
    admin = pg_connect("postgres")
    with admin.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {SOURCE_DB} WITH (FORCE)")
        cur.execute(f"CREATE DATABASE {SOURCE_DB}")
    admin.close()
    with pg_connect() as conn, conn.cursor() as cur:
        cur.execute("""CREATE TABLE orders (id integer PRIMARY KEY, customer text NOT NULL, region text NOT NULL,
                       amount numeric(12,2), qty integer, created timestamp NOT NULL, shipped date, note text)""")
        from psycopg2.extras import execute_values

        execute_values(cur, "INSERT INTO orders VALUES %s", _orders(3000, seed=7), page_size=1000)
    return {"type": "postgres", "host": PG["host"], "port": PG["port"], "database": SOURCE_DB}


@pytest.fixture(scope="session")
def mysql_source(services):
    """MariaDB database ingest_src_it with table events (2500 rows, DATETIME(6), DECIMAL, DATE, NULLs)."""
    import datetime as dt
    import random
    from decimal import Decimal

    conn = mysql_connect(None)
    with conn.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {SOURCE_DB}")
        cur.execute(f"CREATE DATABASE {SOURCE_DB} CHARACTER SET utf8mb4")
        cur.execute(f"""CREATE TABLE {SOURCE_DB}.events (id BIGINT PRIMARY KEY, device VARCHAR(40) NOT NULL,
                        kind VARCHAR(20) NOT NULL, value DECIMAL(10,3), ts DATETIME(6) NOT NULL, day DATE NOT NULL,
                        payload TEXT)""")
        rnd = random.Random(11)
        kinds = ["temp", "humidity", "noise", "door"]
        base = dt.datetime(2024, 3, 1, 8, 0, 0)
        rows = []
        for i in range(1, 2501):
            ts = base + dt.timedelta(seconds=97 * i, microseconds=rnd.randrange(1_000_000))
            rows.append((i, f"dev-{rnd.randrange(40):02d}", kinds[i % 4],
                         None if i % 13 == 0 else Decimal(rnd.randrange(-50_000, 50_000)) / 1000,
                         ts, ts.date(), None if i % 7 == 0 else f"p{i} ümlaut 'q' \\ end"))
        cur.executemany(f"INSERT INTO {SOURCE_DB}.events VALUES (%s,%s,%s,%s,%s,%s,%s)", rows)
    conn.close()
    return {"type": "mysql", "host": MARIADB["host"], "port": MARIADB["port"], "database": SOURCE_DB}


SRC_BUCKET = "ingest-src"
LAKE_BUCKET = "ingest-lake"
LAKE2_BUCKET = "ingest-lake2"


@pytest.fixture(scope="session")
def s3_source(services, spark, tmp_path_factory):
    """Bucket ingest-src in moto with csv/customers (2 objects), json/clicks (2 objects, a missing field) and
    parquet/readings (written by Spark locally, uploaded), each beside a _SUCCESS object that readers skip.
    Also creates the empty lake buckets."""
    import csv
    import datetime as dt
    import io
    import json
    import random

    s3 = s3_client()
    for b in (SRC_BUCKET, LAKE_BUCKET, LAKE2_BUCKET):
        try:
            s3.create_bucket(Bucket=b)
        except s3.exceptions.BucketAlreadyOwnedByYou:
            pass
    # moto keeps objects while it runs: start every source prefix from empty so each session sees its own data.
    for key, _ in s3_objects(SRC_BUCKET, ""):
        s3.delete_object(Bucket=SRC_BUCKET, Key=key)
    rnd = random.Random(3)
    cities = ["Lyon", "São Paulo", "Zürich", "New York, NY", 'The "Big" Easy']
    for part in (1, 2):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["id", "name", "city", "score"])
        for i in range(1, 401):
            cid = (part - 1) * 400 + i
            w.writerow([cid, f"customer {cid}", cities[cid % len(cities)], f"{rnd.random() * 100:.4f}"])
        s3.put_object(Bucket=SRC_BUCKET, Key=f"csv/customers/part-{part}.csv", Body=buf.getvalue().encode())
    s3.put_object(Bucket=SRC_BUCKET, Key="csv/customers/_SUCCESS", Body=b"")

    for month in (1, 2):
        lines = []
        for i in range(1, 301):
            rec = {"id": month * 1000 + i, "user": f"u{rnd.randrange(90)}", "path": f"/p/{rnd.randrange(30)}",
                   "ms": round(rnd.random() * 900, 3), "ok": bool(i % 4)}
            if i % 10 == 0:
                del rec["ms"]  # a missing field reads as null
            lines.append(json.dumps(rec))
        s3.put_object(Bucket=SRC_BUCKET, Key=f"json/clicks/2024-{month:02d}.jsonl",
                      Body=("\n".join(lines) + "\n").encode())
    s3.put_object(Bucket=SRC_BUCKET, Key="json/clicks/_SUCCESS", Body=b"")

    from pyspark.sql.types import BooleanType, DoubleType, LongType, StringType, StructField, StructType, \
        TimestampType

    schema = StructType([
        StructField("id", LongType(), False), StructField("sensor", StringType(), True),
        StructField("reading", DoubleType(), True), StructField("taken", TimestampType(), True),
        StructField("ok", BooleanType(), True),
    ])
    base = dt.datetime(2024, 5, 1, 12, 0, 0)
    data = [(i, f"s{i % 12}", None if i % 17 == 0 else rnd.random() * 50 - 10,
             base + dt.timedelta(seconds=31 * i, microseconds=rnd.randrange(1_000_000)), i % 3 != 0)
            for i in range(1, 1201)]
    local = str(tmp_path_factory.mktemp("parquet-src"))
    spark.createDataFrame(data, schema).repartition(3).write.mode("overwrite").parquet(local)
    for name in sorted(os.listdir(local)):
        if name.endswith(".parquet"):
            with open(os.path.join(local, name), "rb") as f:
                s3.put_object(Bucket=SRC_BUCKET, Key=f"parquet/readings/{name}", Body=f.read())
    s3.put_object(Bucket=SRC_BUCKET, Key="parquet/readings/_SUCCESS", Body=b"")
    return {"bucket": SRC_BUCKET, "endpoint": S3_ENDPOINT}


def s3_objects(bucket: str, prefix: str) -> list:
    """(key, size) of every object under prefix (all pages)."""
    s3 = s3_client()
    out = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        out.extend((o["Key"], o["Size"]) for o in page.get("Contents", []))
    return out


def s3_csv_rows(prefix: str) -> list:
    import csv
    import io

    s3 = s3_client()
    rows = []
    for key, _ in s3_objects(SRC_BUCKET, prefix):
        if key.rsplit("/", 1)[-1].startswith("_"):
            continue
        body = s3.get_object(Bucket=SRC_BUCKET, Key=key)["Body"].read().decode("utf-8")
        rows.extend(csv.DictReader(io.StringIO(body)))
    return rows


def s3_json_rows(prefix: str) -> list:
    import json

    s3 = s3_client()
    docs = []
    for key, _ in s3_objects(SRC_BUCKET, prefix):
        if key.rsplit("/", 1)[-1].startswith("_"):
            continue
        body = s3.get_object(Bucket=SRC_BUCKET, Key=key)["Body"].read().decode("utf-8")
        docs.extend(json.loads(line) for line in body.splitlines() if line.strip())
    columns = sorted({k for d in docs for k in d})
    return [{c: d.get(c) for c in columns} for d in docs]


@pytest.fixture(scope="session")
def hdfs_base(services):
    """A directory of this test session in the loopback HDFS, removed at the end."""
    import urllib.request

    base = f"/ingest-it/{SESSION}"
    yield f"{HDFS_URL}{base}"
    http = int(os.environ.get("INGEST_HDFS_HTTP_PORT", "59870"))
    req = urllib.request.Request(
        f"http://127.0.0.1:{http}/webhdfs/v1{base}?op=DELETE&recursive=true&user.name=root", method="DELETE")
    try:
        urllib.request.urlopen(req, timeout=10).read()
    except OSError:
        pass
