#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 server on loopback for tests and local development.
# Usage: postgres.sh start|stop|status|url
# Data lives in the system temp folder, not the checkout: the server runs as the "postgres" user, which may not be
# allowed into the folder a repository was cloned in. It trusts local connections as user "postgres".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
port=${INGEST_PG_PORT:-55432}
state="${TMPDIR:-/tmp}/spark-ingestion-postgres-$port"
data="$state/data"
logfile="$state/server.log"
bin=/usr/lib/postgresql/15/bin

ensure_installed() {
  if [ ! -x "$bin/postgres" ]; then
    echo "postgres.sh: installing PostgreSQL 15 from Debian's packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  fi
}

as_postgres() { runuser -u postgres -- "$@"; }

case "${1:-}" in
  start)
    ensure_installed
    mkdir -p "$state"
    chown postgres "$state"
    if [ ! -f "$data/PG_VERSION" ]; then
      as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 || pg_isready -q -h 127.0.0.1 -p "$port"; then
      echo "postgres: already running on 127.0.0.1:$port"
      exit 0
    fi
    as_postgres "$bin/pg_ctl" -D "$data" -l "$logfile" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k /tmp -c max_connections=300 -c fsync=off" start >/dev/null
    echo "postgres: running on 127.0.0.1:$port"
    ;;
  stop)
    if [ -f "$data/PG_VERSION" ]; then as_postgres "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true; fi
    echo "postgres: stopped"
    ;;
  status)
    as_postgres "$bin/pg_ctl" -D "$data" status
    ;;
  url)
    echo "postgresql://postgres@127.0.0.1:$port"
    ;;
  *)
    echo "usage: $0 start|stop|status|url" >&2
    exit 2
    ;;
esac
