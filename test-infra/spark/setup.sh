#!/usr/bin/env bash
# Prepares a local Spark for the ingestion application and its tests:
#   - a Python venv with the pinned pyspark, pytest, moto[server], boto3 and the database clients
#     (ingestion-app/requirements*.txt);
#   - the jars passed to spark-submit with --jars (test-infra/spark/pom.xml): PostgreSQL JDBC, MariaDB
#     Connector/J, hadoop-aws at exactly the Hadoop version bundled in pyspark, and the AWS SDK v2 bundle.
# Both live in a cache outside the repository, keyed by a hash of the pinned versions:
#   ${INGEST_CACHE_DIR:-$HOME/.cache/spark-ingestion}/spark/<key>/{venv,jars}
# and are linked into the repository as .tools/spark/venv and .tools/spark/jars (git-ignored), which is what
# everything else uses. A warm run (same pins) only re-creates the links. Idempotent; safe to run concurrently.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
app="$root/ingestion-app"
cache_base=${INGEST_CACHE_DIR:-$HOME/.cache/spark-ingestion}
python=${INGEST_PYTHON:-python3}
started=$(date +%s)

log() { echo "spark/setup.sh: $*" >&2; }

# The venv is tied to the interpreter that made it, so its path and version are part of the key.
py_real=$("$python" -c 'import sys; print(sys.executable)')
py_version=$("$python" -c 'import sys; print(sys.version.split()[0])')
key=$( {
  echo "python $py_real $py_version"
  cat "$app/requirements.txt" "$app/requirements-dev.txt" "$here/pom.xml"
} | sha256sum | cut -c1-16)
dir="$cache_base/spark/$key"
mkdir -p "$dir"

# One setup at a time per key (two checkouts or a CI run may share the cache).
exec 9>"$dir/.lock"
flock 9

if [ -f "$dir/venv/.ready" ]; then
  log "venv: cached ($dir/venv)"
else
  log "venv: creating with $py_real ($py_version); pip install -r ingestion-app/requirements-dev.txt"
  rm -rf "$dir/venv"
  "$python" -m venv "$dir/venv"
  nice -n 10 "$dir/venv/bin/pip" install -q --disable-pip-version-check -r "$app/requirements-dev.txt" >&2
  touch "$dir/venv/.ready"
  log "venv: ready"
fi

spark_home=$("$dir/venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
hadoop_jar=$(ls "$spark_home"/jars/hadoop-client-api-*.jar 2>/dev/null | head -n1 || true)
if [ -z "$hadoop_jar" ]; then
  log "cannot find hadoop-client-api-*.jar under $spark_home/jars"
  exit 1
fi
hadoop_version=$(basename "$hadoop_jar" .jar)
hadoop_version=${hadoop_version#hadoop-client-api-}

if [ -f "$dir/jars/.ready" ]; then
  log "jars: cached ($dir/jars)"
else
  log "jars: mvn dependency:copy-dependencies (hadoop-aws $hadoop_version to match pyspark's Hadoop)"
  rm -rf "$dir/jars" "$dir/jars.tmp"
  if ! nice -n 10 mvn -B -q -f "$here/pom.xml" -Dhadoop.version="$hadoop_version" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$dir/jars.tmp" >"$dir/mvn.log" 2>&1; then
    log "mvn failed (see $dir/mvn.log):"
    tail -n 30 "$dir/mvn.log" >&2
    exit 1
  fi
  echo "$hadoop_version" > "$dir/jars.tmp/.hadoop-version"
  touch "$dir/jars.tmp/.ready"
  mv "$dir/jars.tmp" "$dir/jars"
  log "jars: ready"
fi
# The cache can outlive a change of pins made without touching pom.xml; never hand out a mismatched hadoop-aws.
if [ ! -f "$dir/jars/hadoop-aws-$hadoop_version.jar" ]; then
  log "jars: hadoop-aws-$hadoop_version.jar missing from $dir/jars (pyspark bundles Hadoop $hadoop_version)"
  exit 1
fi

mkdir -p "$root/.tools/spark"
ln -sfn "$dir/venv" "$root/.tools/spark/venv"
ln -sfn "$dir/jars" "$root/.tools/spark/jars"
echo "$hadoop_version" > "$root/.tools/spark/hadoop-version"
log "done in $(( $(date +%s) - started ))s: pyspark $("$dir/venv/bin/python" -c 'import pyspark; print(pyspark.__version__)'), Hadoop $hadoop_version, key $key"
log "  .tools/spark/venv -> $dir/venv"
log "  .tools/spark/jars -> $dir/jars"
