#!/usr/bin/env bash
# Starts or stops a real single-node HDFS (Hadoop's MiniDFSCluster: one NameNode and one DataNode in one JVM,
# via org.apache.hadoop.mapreduce.MiniHadoopClusterManager from hadoop-minicluster) on loopback.
# Usage: hdfs.sh start|stop|status|url
#   NameNode RPC  127.0.0.1:${INGEST_HDFS_PORT:-58020}       -> hdfs://127.0.0.1:58020/
#   NameNode HTTP 127.0.0.1:${INGEST_HDFS_HTTP_PORT:-59870}  (WebHDFS: /webhdfs/v1/...)
#   DataNode ports are ephemeral, also on 127.0.0.1. No security: the caller's user name is trusted
#   (the user who started it, root here, is the HDFS superuser).
# The Hadoop version is the one bundled in the pinned pyspark (test-infra/spark/setup.sh, run here if needed),
# so Spark's HDFS client and the server match. The minicluster classpath (test-infra/services/hdfs/pom.xml)
# is fetched with Maven into ${INGEST_CACHE_DIR:-$HOME/.cache/spark-ingestion}/hdfs/<key>/jars and linked as
# .tools/hdfs/jars. State (data, logs, pid, the client config the cluster wrote) under .run/hdfs: data survives
# stop/start; `rm -rf .run/hdfs` (while stopped) starts from an empty, freshly formatted file system.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${INGEST_HDFS_PORT:-58020}
http_port=${INGEST_HDFS_HTTP_PORT:-59870}
cache_base=${INGEST_CACHE_DIR:-$HOME/.cache/spark-ingestion}
run="$root/.run/hdfs"
pidfile="$run/hdfs.pid"
logfile="$run/server.log"

log() { echo "hdfs.sh: $*" >&2; }

ensure_jars() {
  if [ ! -f "$root/.tools/spark/hadoop-version" ]; then
    "$root/test-infra/spark/setup.sh"
  fi
  local hadoop_version key dir
  hadoop_version=$(cat "$root/.tools/spark/hadoop-version")
  key=$( { echo "hadoop $hadoop_version"; cat "$here/hdfs/pom.xml"; } | sha256sum | cut -c1-16)
  dir="$cache_base/hdfs/$key"
  mkdir -p "$dir"
  (
    flock 9
    if [ ! -f "$dir/jars/.ready" ]; then
      log "fetching hadoop-minicluster $hadoop_version with Maven into $dir/jars"
      rm -rf "$dir/jars" "$dir/jars.tmp"
      if ! nice -n 10 mvn -B -q -f "$here/hdfs/pom.xml" -Dhadoop.version="$hadoop_version" \
          dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$dir/jars.tmp" \
          >"$dir/mvn.log" 2>&1; then
        log "mvn failed, see $dir/mvn.log"
        tail -n 30 "$dir/mvn.log" >&2
        exit 1
      fi
      touch "$dir/jars.tmp/.ready"
      mv "$dir/jars.tmp" "$dir/jars"
    fi
  ) 9>"$dir/.lock"
  mkdir -p "$root/.tools/hdfs"
  ln -sfn "$dir/jars" "$root/.tools/hdfs/jars"
}

# Ready = the NameNode answers WebHDFS and has left safe mode (a write would fail before that).
alive() {
  local body
  body=$(curl -sf --max-time 3 \
    "http://127.0.0.1:$http_port/jmx?qry=Hadoop:service=NameNode,name=NameNodeInfo" 2>/dev/null) || return 1
  curl -sf --max-time 3 -o /dev/null "http://127.0.0.1:$http_port/webhdfs/v1/?op=GETFILESTATUS" || return 1
  # Safemode is "" once the NameNode accepts writes.
  echo "$body" | grep -q '"Safemode" : ""'
}

pid_alive() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

ensure_curl() {
  if ! command -v curl >/dev/null 2>&1; then
    log "installing curl from Debian's packages (readiness checks)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
  fi
}

case "${1:-}" in
  start)
    ensure_curl
    if pid_alive && alive; then
      echo "hdfs: already running on hdfs://127.0.0.1:$port (http 127.0.0.1:$http_port)"
      exit 0
    fi
    if pid_alive; then
      # Started but not ready yet (another start in flight) or hung: wait a little, then give up.
      for _ in $(seq 1 60); do alive && break; sleep 1; done
      if alive; then echo "hdfs: already running on hdfs://127.0.0.1:$port"; exit 0; fi
      log "a minicluster process ($(cat "$pidfile")) exists but does not answer; run '$0 stop' first"
      exit 1
    fi
    if alive; then
      # A NameNode started from another checkout answers on the ports: it serves the tests as well.
      echo "hdfs: already running on hdfs://127.0.0.1:$port (started from another checkout; left to it)"
      exit 0
    fi
    for p in "$port" "$http_port"; do
      if (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null; then
        log "port 127.0.0.1:$p is taken by another process"
        exit 1
      fi
    done
    ensure_jars
    mkdir -p "$run/tmp"
    format=()
    if [ ! -d "$run/data/dfs/name-0-1/current" ]; then
      rm -rf "$run/data"
      format=(-format)
    fi
    rm -f "$run/details.json"
    # Java 17: Hadoop reflects into JDK internals.
    opens=()
    for pkg in java.lang java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
               sun.nio.ch sun.security.action; do
      opens+=(--add-opens "java.base/$pkg=ALL-UNNAMED")
    done
    (
      cd "$run"
      setsid nohup java -Xmx${INGEST_HDFS_HEAP:-768m} "${opens[@]}" \
        -Djava.io.tmpdir="$run/tmp" -Dtest.build.data="$run/data" \
        -cp "$root/.tools/hdfs/jars/*" org.apache.hadoop.mapreduce.MiniHadoopClusterManager \
        -nomr "${format[@]}" -nnport "$port" -nnhttpport "$http_port" \
        -writeConfig "$run/core-site.xml" -writeDetails "$run/details.json" \
        </dev/null >>"$logfile" 2>&1 &
      echo $! > "$pidfile"
    )
    for _ in $(seq 1 120); do
      if alive; then break; fi
      if ! pid_alive; then break; fi
      sleep 1
    done
    if ! alive; then
      log "minicluster did not become ready in 120s; last lines of $logfile:"
      tail -n 30 "$logfile" >&2 || true
      exit 1
    fi
    echo "hdfs: running on hdfs://127.0.0.1:$port (http 127.0.0.1:$http_port)"
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
      rm -f "$pidfile"
    fi
    echo "hdfs: stopped"
    ;;
  status)
    if pid_alive && alive; then
      echo "hdfs: running on hdfs://127.0.0.1:$port (http 127.0.0.1:$http_port, pid $(cat "$pidfile"))"
    else
      echo "hdfs: not running"
      exit 3
    fi
    ;;
  url)
    echo "hdfs://127.0.0.1:$port"
    ;;
  *)
    echo "usage: $0 start|stop|status|url" >&2
    exit 2
    ;;
esac
