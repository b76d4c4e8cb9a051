#!/usr/bin/env bash
# Starts or stops a moto S3 server (a real HTTP server from PyPI's moto[server]) on loopback for tests and
# local development.
# Usage: moto.sh start|stop|status|url
# Listens on 127.0.0.1:${INGEST_MOTO_PORT:-55000}. Any access key / secret key is accepted (tests use
# "test"/"test"), region us-east-1; use path-style access and plain http. State is in memory: a restart empties
# every bucket. Pid and log under .run/moto (git-ignored). moto_server comes from the venv that
# test-infra/spark/setup.sh links at .tools/spark/venv (run here if the link is missing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${INGEST_MOTO_PORT:-55000}
run="$root/.run/moto"
pidfile="$run/moto.pid"
logfile="$run/server.log"
venv="$root/.tools/spark/venv"

alive() {
  # moto answers its own management API; a bare TCP connect could be any other server.
  "$venv/bin/python" - "$port" <<'PY' >/dev/null 2>&1
import sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/moto-api/data.json", timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
PY
}

case "${1:-}" in
  start)
    if [ ! -x "$venv/bin/moto_server" ]; then
      "$root/test-infra/spark/setup.sh"
    fi
    mkdir -p "$run"
    if alive; then
      echo "moto: already running on 127.0.0.1:$port"
      exit 0
    fi
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
      echo "moto: port 127.0.0.1:$port is taken by another process" >&2
      exit 1
    fi
    setsid nohup "$venv/bin/moto_server" -H 127.0.0.1 -p "$port" </dev/null >>"$logfile" 2>&1 &
    echo $! > "$pidfile"
    for _ in $(seq 1 60); do
      if alive; then break; fi
      sleep 0.5
    done
    if ! alive; then
      echo "moto: did not become ready in 30s; last lines of $logfile:" >&2
      tail -n 20 "$logfile" >&2 || true
      exit 1
    fi
    echo "moto: running on 127.0.0.1:$port"
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
      done
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
      rm -f "$pidfile"
    fi
    echo "moto: stopped"
    ;;
  status)
    if alive; then
      echo "moto: running on 127.0.0.1:$port (pid $(cat "$pidfile" 2>/dev/null || echo '?'))"
    else
      echo "moto: not running"
      exit 3
    fi
    ;;
  url)
    echo "http://127.0.0.1:$port"
    ;;
  *)
    echo "usage: $0 start|stop|status|url" >&2
    exit 2
    ;;
esac
