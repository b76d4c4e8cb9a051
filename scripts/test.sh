#!/usr/bin/env bash
# Sets up everything and runs the whole test suite: type-check, lint, unit and store tests (SQLite and a real
# PostgreSQL 15), the real Spark and Kubernetes suites, the PySpark application's tests, the frontend build and the
# end-to-end tests in Debian's Chromium. Ends with `tests: N passed, N failed` summed over every suite. Exit code is
# non-zero when anything failed.
#
# The loopback services it needs (PostgreSQL, MariaDB, S3, HDFS, the Kubernetes control plane) are started here and
# stopped when it ends, also on failure or Ctrl-C; one already running is reused and left running
# (scripts/lib/services.sh). INGEST_KEEP_SERVICES=1 keeps the ones it started, for a quicker next run.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/node.sh
source scripts/lib/services.sh
trap stop_started_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
results=test-results
rm -rf "$results" && mkdir -p "$results/summary" "$results/logs"
started=$SECONDS
# Each step's start, so the run ends with how long every part took.
step_names=()
step_starts=()
step() {
  step_names+=("$*")
  step_starts+=("$SECONDS")
  printf '\n==> [%4ss] %s\n' "$((SECONDS - started))" "$*"
}
print_step_times() {
  local i end
  echo "Time per part:"
  for i in "${!step_names[@]}"; do
    end=${step_starts[i + 1]:-$SECONDS}
    printf '  %5ss  %s\n' "$((end - step_starts[i]))" "${step_names[i]}"
  done
}
record() { node scripts/ci/record.mjs "$results" "$@"; }

# A check that passes or fails as a whole; its output goes to a log, shown when it fails.
check() {
  local name=$1
  shift
  step "$name"
  "$@" > "$results/logs/$name.log" 2>&1
  local code=$?
  [ $code -eq 0 ] || tail -50 "$results/logs/$name.log"
  record "$name" check $code
}

# jest NAME ARGS...: one Jest invocation over every package, recorded as its own suite.
jest() {
  local name=$1
  shift
  # Pages show times in the viewer's time zone and tests expect whole-hour offsets: they run in UTC on any machine.
  TZ=UTC CI=true yarn backstage-cli repo test --json --outputFile="$results/$name.json" "$@" 2>&1 |
    tee "$results/logs/$name.log" | grep -E "^(PASS|FAIL)|●|Tests:" || true
  if [ -f "$results/$name.json" ]; then record "$name" jest "$results/$name.json"; else record "$name" check 1; fi
}

step "Setting up Node 22 and the Yarn workspaces"
scripts/setup.sh || { echo "setup failed" >&2; exit 1; }

step "Starting PostgreSQL 15 on loopback"
use_service postgres || exit 1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=$(test-infra/services/postgres.sh url)
# With CI set, Backstage's TestDatabases would ask Docker for databases; use the local server only.
export BACKSTAGE_TEST_DISABLE_DOCKER=1

step "Spark toolchain (pyspark venv and jars, cached by version)"
test-infra/spark/setup.sh || exit 1

step "Kubernetes control plane binaries (built from the Go module proxy, cached by version)"
test-infra/kubernetes/build.sh || exit 1

if ! command -v chromium >/dev/null; then
  step "Installing Debian's Chromium for the end-to-end tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || exit 1
fi

check typecheck yarn tsc
check lint yarn backstage-cli repo lint
check prettier yarn prettier --check .
check openapi-in-sync node scripts/openapi/generate-router.mjs plugins/ingestion-backend --check

# The suites that drive real Spark processes or the Kubernetes control plane load both cores for minutes; they run
# after the unit, UI, API and store tests, not beside them, so a rendering test is never starved into a timeout.
heavy='\.(spark|cluster)\.test\.'

step "Unit, UI, API and store tests (Jest; stores on SQLite and PostgreSQL 15)"
jest jest --testPathIgnorePatterns "$heavy"
# Figures some tests print: oversell checks under concurrency.
grep -hE "parallel purchases against" "$results/logs/jest.log" | sed 's/^ */    /' || true
# Figures the forecasting tests print: backtests against seasonal naive, the 80% alert, the purchase advice.
grep -hE -A2 "rolling origin, [0-9]+ origins" "$results/logs/jest.log" | grep -v '^--$' | sed 's/^ */    /' || true
grep -hE "80% alert over|purchase advice for|forecast of 3 namespaces" "$results/logs/jest.log" | sed 's/^ */    /' || true

step "schemathesis: the running backend fuzzed against its OpenAPI document (seeded tenant and jobs)"
SCHEMATHESIS_MAX_EXAMPLES=10 scripts/ci/schemathesis.sh > "$results/logs/schemathesis.log" 2>&1
grep -E '^schemathesis:|server errors|undeclared' "$results/logs/schemathesis.log" | tail -3
record schemathesis plain "$results/logs/schemathesis.log"

step "Loopback services for the Spark and Kubernetes suites (MariaDB, S3, HDFS, the control plane)"
for service in mariadb moto hdfs kubernetes; do use_service $service || exit 1; done

step "Real Spark and Kubernetes suites (Jest, one file at a time)"
jest jest-spark-kubernetes --testPathPatterns "$heavy" --runInBand
# Figures these tests print: a real Spark run's metrics, cancel times, the time to take lent capacity back.
grep -hE "real run .*durationMs|local Spark run, submit to succeeded|cancel: .* gone after|reclaim on real local Spark" \
  "$results/logs/jest-spark-kubernetes.log" | sed 's/^ */    /' || true

step "Kubernetes control plane smoke test (quota refusal, SparkApplication to COMPLETED and FAILED)"
test-infra/kubernetes/smoke.sh > "$results/logs/k8s-smoke.log" 2>&1
tail -12 "$results/logs/k8s-smoke.log"
record k8s-smoke plain "$results/logs/k8s-smoke.log"

step "Spark ingestion application (PySpark; real PostgreSQL, MariaDB, S3 and HDFS on loopback)"
ingestion-app/scripts/test.sh > "$results/logs/ingestion-app.log" 2>&1
grep -E "^(OK  |DIFF) |passed|failed|error" "$results/logs/ingestion-app.log" | tail -40
record ingestion-app pytest "$results/logs/ingestion-app.log"

step "Building the frontend bundle"
if yarn workspace app build > "$results/logs/app-build.log" 2>&1; then
  step "End-to-end tests (real backend, Debian Chromium)"
  node --test --test-reporter=tap e2e/*.e2e.mts > "$results/logs/e2e.tap" 2>&1
  grep -E "^(not )?ok|^# (pass|fail)" "$results/logs/e2e.tap"
  record e2e node "$results/logs/e2e.tap"
else
  tail -30 "$results/logs/app-build.log"
  record e2e check 1
fi

step "Stopping the services this run started"
stop_started_services

step "Summary (took $((SECONDS - started)) s)"
print_step_times
REQUIRE_STORE_DATABASES=POSTGRES_15,SQLITE_3 node scripts/ci/summarize.mjs "$results"
