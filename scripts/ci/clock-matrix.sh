#!/usr/bin/env bash
# Runs the Jest suites and the end-to-end tests under several fixed clocks (and, for the end-to-end tests, time
# zones), to show that no test depends on the hour, the day or the machine's time zone. Jest always runs in UTC,
# as `yarn test` and scripts/test.sh run it: unit tests pin the viewer's zone instead of following the machine's. Every process of a run (Node, the backend, Spark's JVM,
# Chromium) sees the same shifted clock through libfaketime (Debian's `faketime` package), set as an offset from
# the real time so that processes started later agree with the ones started first; the clock keeps ticking.
# Services already running (PostgreSQL, the Kubernetes control plane) keep the real clock: the product takes its
# timestamps from its own clock, never from the database's.
#
# Usage: [INGEST_CLOCKS="1 4"] scripts/ci/clock-matrix.sh [--with-heavy]   (with the services of scripts/test.sh
# running: PostgreSQL, and MariaDB, S3 and HDFS for the Spark runs of the e2e tests)
#   --with-heavy   also the real Spark and Kubernetes Jest suites (several minutes more per clock)
# Prints one line per clock and ends with `tests: N passed, N failed` over all of them.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/node.sh
with_heavy=${1:-}

if [ ! -e /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null) || exit 1
fi
libfaketime=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1

export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-$(test-infra/services/postgres.sh url)}
export BACKSTAGE_TEST_DISABLE_DOCKER=1
test-infra/services/postgres.sh start >/dev/null || exit 1
yarn workspace app build >/dev/null || exit 1 # the e2e tests serve the bundle: never a stale one

# label | the instant the run starts at (UTC) | the machine's time zone
clocks=(
  "just after midnight UTC|2027-01-04T00:05:00Z|UTC"
  "02:20, before the nightly slice|2027-01-05T02:20:00Z|UTC"
  "midday, Pacific time|2027-01-06T19:55:00Z|America/Los_Angeles"
  "last slice of the day, India (+05:30)|2027-01-07T18:20:00Z|Asia/Kolkata"
  "Europe springs forward (01:00 UTC)|2027-03-28T00:40:00Z|Europe/Berlin"
  "US falls back (09:00 UTC)|2027-11-07T08:45:00Z|America/New_York"
)

# INGEST_CLOCKS="1 4" runs only those entries (0-based); INGEST_MATRIX_PARTS=jest or e2e only that part.
if [ -n "${INGEST_CLOCKS:-}" ]; then
  chosen=()
  for i in $INGEST_CLOCKS; do chosen+=("${clocks[i]}"); done
  clocks=("${chosen[@]}")
fi

out=test-results/clock-matrix
rm -rf "$out" && mkdir -p "$out"
heavy='\.(spark|cluster)\.test\.'
total_passed=0
total_failed=0
printf '\n%-40s %-20s %-20s %-12s %-12s\n' "clock" "starts at (UTC)" "TZ" "jest" "e2e"
for entry in "${clocks[@]}"; do
  IFS='|' read -r label instant zone <<<"$entry"
  offset=$(($(date -d "$instant" +%s) - $(date +%s)))
  name=$(echo "$label" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-')
  jest_args=(--testPathIgnorePatterns "$heavy")
  [ "$with_heavy" = --with-heavy ] && jest_args=()
  [ "${INGEST_MATRIX_PARTS:-jest e2e}" = e2e ] || env LD_PRELOAD="$libfaketime" FAKETIME="$(printf '%+ds' "$offset")" FAKETIME_DONT_FAKE_MONOTONIC=1 \
    FAKETIME_NO_CACHE=1 TZ=UTC CI=true \
    node .yarn/releases/yarn-4.13.0.cjs backstage-cli repo test --json --outputFile="$out/$name.jest.json" "${jest_args[@]}" \
    >"$out/$name.jest.log" 2>&1
  [ "${INGEST_MATRIX_PARTS:-jest e2e}" = jest ] || env LD_PRELOAD="$libfaketime" FAKETIME="$(printf '%+ds' "$offset")" FAKETIME_DONT_FAKE_MONOTONIC=1 \
    FAKETIME_NO_CACHE=1 TZ="$zone" \
    node --test --test-reporter=tap e2e/*.e2e.mts >"$out/$name.e2e.tap" 2>&1
  jest=$(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)' \
    "$PWD/$out/$name.jest.json" 2>/dev/null || echo "0 1")
  e2e_passed=$(grep -oE '^# pass [0-9]+' "$out/$name.e2e.tap" | grep -oE '[0-9]+$' || echo 0)
  e2e_failed=$(grep -oE '^# fail [0-9]+' "$out/$name.e2e.tap" | grep -oE '[0-9]+$' || echo 1)
  [ "${INGEST_MATRIX_PARTS:-jest e2e}" = e2e ] && jest="0 0"
  [ "${INGEST_MATRIX_PARTS:-jest e2e}" = jest ] && e2e_passed=0 e2e_failed=0
  read -r jest_passed jest_failed <<<"$jest"
  total_passed=$((total_passed + jest_passed + e2e_passed))
  total_failed=$((total_failed + jest_failed + e2e_failed))
  printf '%-40s %-20s %-20s %-12s %-12s\n' "$label" "$instant" "$zone" \
    "$jest_passed/$((jest_passed + jest_failed))" "$e2e_passed/$((e2e_passed + e2e_failed))"
done
echo
echo "tests: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
