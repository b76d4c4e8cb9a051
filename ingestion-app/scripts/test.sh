#!/usr/bin/env bash
# Runs every test of the ingestion application from nothing:
#   1. test-infra/spark/setup.sh      pyspark venv + spark-submit jars (cached; seconds when warm)
#   2. the loopback servers           PostgreSQL 55432, MariaDB 53306, moto S3 55000, HDFS 58020/59870
#   3. pytest                         unit tests, in-process Spark integration tests, real spark-submit runs
# Extra arguments go to pytest (e.g. -k incremental, -x). Exits with pytest's status; pytest's summary line
# is the last line of the output. Servers are left running (stop them with test-infra/services/<name>.sh stop).
set -euo pipefail
app=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$app/.." && pwd)

echo "== ingestion-app: setup" >&2
bash "$root/test-infra/spark/setup.sh"
echo "== ingestion-app: services" >&2
for service in postgres mariadb moto hdfs; do
  bash "$root/test-infra/services/$service.sh" start
done

echo "== ingestion-app: pytest" >&2
cd "$app"
export TZ=UTC SPARK_LOCAL_IP=127.0.0.1 PYTHONDONTWRITEBYTECODE=1
exec nice -n 5 "$root/.tools/spark/venv/bin/python" -m pytest tests -p no:cacheprovider -rfE "$@"
