#!/usr/bin/env bash
# Fuzzes the ingestion REST API with schemathesis against the running backend and its OpenAPI document.
#
# Starts the backend (quick-start config, a fresh SQLite folder, a free loopback port) with the demo seeded, so
# the tenant team-orion has capacity and jobs and path parameters hit real resources; signs in as the guest
# (a team-orion admin); runs schemathesis with the checks "no server error" and "every status declared"; prints
#   schemathesis: N passed, N failed
# (operations without / with a failing check) and stops what it started. Exit status 0 only when both counts of
# server errors and undeclared statuses are 0. Needs: python3 with venv, the workspaces installed (setup.sh).
#
# SCHEMATHESIS_VERSION picks the PyPI release (installed once into a cached venv keyed by it);
# SCHEMATHESIS_MAX_EXAMPLES bounds the generated cases per operation (default 25).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
version=${SCHEMATHESIS_VERSION:-4.32.5}
max_examples=${SCHEMATHESIS_MAX_EXAMPLES:-25}
venv="${XDG_CACHE_HOME:-$HOME/.cache}/spark-ingestion/schemathesis/$version"

if [ ! -x "$venv/bin/st" ]; then
  echo "==> Installing schemathesis $version into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

# shellcheck source=../lib/node.sh
source "$repo_root/scripts/lib/node.sh"

work=$(mktemp -d)
backend_pid=
cleanup() {
  if [ -n "$backend_pid" ]; then
    kill -TERM -- "-$backend_pid" 2>/dev/null || true
    sleep 1
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"

cat > "$work/app-config.fuzz.yaml" <<YAML
app:
  baseUrl: $base
backend:
  baseUrl: $base
  listen: { port: $port, host: 127.0.0.1 }
  cors: { origin: $base }
  database:
    client: better-sqlite3
    connection: { directory: $work/sqlite }
ingestion:
  localTargetRoot: $work/lake
  executors:
    local:
      workDir: $work/runs
      # The fuzzer exercises the API, not Spark: runs end failed at once instead of starting a JVM.
      sparkSubmit: /bin/false
YAML

echo "==> Starting the backend on $base"
(
  cd "$repo_root/packages/backend"
  exec setsid node "$repo_root/.yarn/releases/yarn-4.13.0.cjs" backstage-cli package start \
    --config ../../app-config.yaml --config "$work/app-config.fuzz.yaml"
) > "$work/backend.log" 2>&1 &
backend_pid=$!

for _ in $(seq 1 150); do
  if curl -fsS "$base/.backstage/health/v1/readiness" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$backend_pid" 2>/dev/null; then
    tail -50 "$work/backend.log"
    echo "schemathesis: 0 passed, 1 failed (the backend did not start)"
    exit 1
  fi
  sleep 2
done

sign_in() {
  token=$(curl -fsS -H 'X-Requested-With: XMLHttpRequest' "$base/api/auth/guest/refresh" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["backstageIdentity"]["token"])')
}
api() { curl -fsS -H "Authorization: Bearer $token" "$base/api/ingestion$1"; }

# The demo seeds team-orion's jobs after start-up: wait for one. A token carries the groups the catalog knew at
# sign-in, so sign in again until the catalog has read the organisation and the guest is a team-orion member.
job_id=
for _ in $(seq 1 90); do
  sign_in
  job_id=$(api '/jobs' 2>/dev/null | python3 -c 'import json, sys; items = json.load(sys.stdin)["items"]; print(items[0]["id"] if items else "")' 2>/dev/null || true)
  [ -n "$job_id" ] && break
  sleep 2
done
if [ -z "$job_id" ]; then
  api '/whoami' || true
  grep -iE 'demo|error' "$work/backend.log" | tail -20
  echo "schemathesis: 0 passed, 1 failed (no seeded job)"
  exit 1
fi
run_id=$(api "/jobs/$job_id/runs" | python3 -c 'import json, sys; items = json.load(sys.stdin)["items"]; print(items[0]["id"] if items else "none")')

cat > "$work/schemathesis.toml" <<TOML
[parameters]
"path.tenant" = "group:default/team-orion"
"path.jobId" = "$job_id"
"path.runId" = "$run_id"
TOML

echo "==> schemathesis $version: job $job_id, run $run_id, $max_examples examples per operation"
set +e
(
  cd "$work"
  "$venv/bin/st" --config-file "$work/schemathesis.toml" run \
    "$repo_root/plugins/ingestion-backend/src/schema/openapi.yaml" \
    --url "$base/api/ingestion" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance \
    --max-examples "$max_examples" \
    --report junit --report-junit-path "$work/junit.xml" \
    --no-color
) > "$work/schemathesis.log" 2>&1
st_status=$?
set -e
tail -40 "$work/schemathesis.log"

python3 - "$work/junit.xml" "$st_status" <<'PY'
import sys
import xml.etree.ElementTree as ET

path, status = sys.argv[1], int(sys.argv[2])
try:
    cases = list(ET.parse(path).getroot().iter("testcase"))
except (OSError, ET.ParseError):
    print("schemathesis: 0 passed, 1 failed (no report; see the log above)")
    sys.exit(1)
failed = [c for c in cases if c.find("failure") is not None or c.find("error") is not None]
text = " ".join(
    (e.get("message") or "") + " " + (e.text or "")
    for c in failed for e in list(c)
)
for c in failed:
    first = next(iter(c), None)
    detail = ((first.get("message") or "") + " " + (first.text or "")).strip() if first is not None else ""
    print(f"FAILED {c.get('name')}: {detail[:1500]}")
server_errors = text.count("Server error")
undeclared = text.count("Undocumented HTTP status code")
print(f"schemathesis: server errors {server_errors}, undeclared statuses {undeclared}")
print(f"schemathesis: {len(cases) - len(failed)} passed, {len(failed)} failed")
sys.exit(0 if status == 0 and not failed else 1)
PY
