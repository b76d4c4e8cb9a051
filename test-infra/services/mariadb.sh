#!/usr/bin/env bash
# Starts or stops a throwaway MariaDB server on loopback for tests and local development.
# Usage: mariadb.sh start|stop|status|url
# Listens on 127.0.0.1:${INGEST_MARIADB_PORT:-53306} only (plus a unix socket under .run/mariadb).
# Data lives under .run/mariadb (git-ignored). Accounts:
#   - ingest / ingest   (TCP from 127.0.0.1, all privileges): what tests and local runs use;
#   - root, no password (the unix socket .run/mariadb/mysqld.sock, and TCP from 127.0.0.1).
# Installs Debian's mariadb-server if it is missing (without letting the package start its own server).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
port=${INGEST_MARIADB_PORT:-53306}
run="$root/.run/mariadb"
data="$run/data"
sock="$run/mysqld.sock"
pidfile="$run/mariadbd.pid"
logfile="$run/server.log"

ensure_installed() {
  if [ ! -x /usr/sbin/mariadbd ]; then
    echo "mariadb.sh: installing mariadb-server from Debian's packages" >&2
    # No init system here: keep the package's maintainer scripts from starting a server on port 3306.
    local policy_added=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
      chmod +x /usr/sbin/policy-rc.d
      policy_added=1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server mariadb-client >/dev/null
    if [ -n "$policy_added" ]; then rm -f /usr/sbin/policy-rc.d; fi
  fi
}

admin() { mariadb-admin --no-defaults --socket="$sock" -uroot "$@"; }

alive() { [ -S "$sock" ] && admin --connect-timeout=2 ping >/dev/null 2>&1; }

# A server started from another checkout answers on the port with the tests' account: that serves as well.
answers_as_ingest() {
  mariadb-admin --no-defaults -h127.0.0.1 -P"$port" -uingest -pingest --connect-timeout=2 ping >/dev/null 2>&1
}

case "${1:-}" in
  start)
    ensure_installed
    mkdir -p "$run"
    if alive; then
      echo "mariadb: already running on 127.0.0.1:$port"
      exit 0
    fi
    if answers_as_ingest; then
      echo "mariadb: already running on 127.0.0.1:$port (started from another checkout; left to it)"
      exit 0
    fi
    if [ ! -d "$data/mysql" ]; then
      rm -rf "$data"
      mariadb-install-db --no-defaults --datadir="$data" --user=root \
        --auth-root-authentication-method=normal --skip-test-db >"$run/install.log" 2>&1 || {
        echo "mariadb: mariadb-install-db failed, see $run/install.log" >&2
        exit 1
      }
    fi
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
      echo "mariadb: port 127.0.0.1:$port is taken by another process" >&2
      exit 1
    fi
    # setsid + nohup: the server must outlive the shell (and the CI step) that started it.
    # Runs as root: the repository may sit below a directory the mysql user cannot enter (e.g. a CI clone).
    setsid nohup /usr/sbin/mariadbd --no-defaults --user=root --datadir="$data" \
      --bind-address=127.0.0.1 --port="$port" --socket="$sock" --pid-file="$pidfile" \
      --log-error="$logfile" --skip-name-resolve --skip-log-bin \
      --innodb-flush-log-at-trx-commit=2 --innodb-buffer-pool-size=128M \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      </dev/null >>"$run/stdout.log" 2>&1 &
    for _ in $(seq 1 120); do
      if alive; then break; fi
      sleep 0.5
    done
    if ! alive; then
      echo "mariadb: did not become ready in 60s; last lines of $logfile:" >&2
      tail -n 20 "$logfile" >&2 || true
      exit 1
    fi
    mariadb --no-defaults --socket="$sock" -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'ingest'@'127.0.0.1' IDENTIFIED BY 'ingest';
CREATE USER IF NOT EXISTS 'ingest'@'localhost' IDENTIFIED BY 'ingest';
GRANT ALL PRIVILEGES ON *.* TO 'ingest'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'ingest'@'localhost' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
    echo "mariadb: running on 127.0.0.1:$port"
    ;;
  stop)
    if alive; then
      admin shutdown >/dev/null 2>&1 || true
    fi
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
      done
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
      rm -f "$pidfile"
    fi
    echo "mariadb: stopped"
    ;;
  status)
    if alive; then
      echo "mariadb: running on 127.0.0.1:$port (pid $(cat "$pidfile" 2>/dev/null || echo '?'))"
    else
      echo "mariadb: not running"
      exit 3
    fi
    ;;
  url)
    echo "mysql://ingest:ingest@127.0.0.1:$port"
    ;;
  *)
    echo "usage: $0 start|stop|status|url" >&2
    exit 2
    ;;
esac
