# Sourced by scripts/test.sh: starts the loopback services the tests need and stops, when the run ends (also on
# failure or Ctrl-C), exactly the ones this run started.
#
# A service that already answers on its port (a developer's own, or one kept from an earlier run with
# INGEST_KEEP_SERVICES=1) is reused on purpose and left running. `scripts/stop-services.sh` stops them all.

services_started=()

port_answers() { (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

# The scripts and ports of each service, as the scripts themselves default them.
service_script() {
  case $1 in
    kubernetes) echo test-infra/kubernetes/cluster.sh ;;
    *) echo "test-infra/services/$1.sh" ;;
  esac
}
service_port() {
  case $1 in
    postgres) echo "${INGEST_PG_PORT:-55432}" ;;
    mariadb) echo "${INGEST_MARIADB_PORT:-53306}" ;;
    moto) echo "${INGEST_MOTO_PORT:-55000}" ;;
    hdfs) echo "${INGEST_HDFS_PORT:-58020}" ;;
    kubernetes) echo 56443 ;;
  esac
}

# Whether the service already runs. The control plane's state (certificates, kubeconfig) belongs to the checkout
# that started it, so only this checkout's own control plane can be reused; cluster.sh refuses a foreign one.
service_running() {
  case $1 in
    kubernetes) test-infra/kubernetes/cluster.sh status >/dev/null 2>&1 ;;
    *) port_answers "$(service_port "$1")" ;;
  esac
}

# use_service NAME: reuse it if it already runs, otherwise start it and remember to stop it.
use_service() {
  local name=$1
  if service_running "$name"; then
    echo "$name: already running on 127.0.0.1:$(service_port "$name"); reused and left running"
    return 0
  fi
  "$(service_script "$name")" start || return 1
  services_started+=("$name")
}

stop_started_services() {
  local i name
  if [ "${INGEST_KEEP_SERVICES:-}" = 1 ]; then
    [ ${#services_started[@]} -eq 0 ] ||
      echo "Kept running (INGEST_KEEP_SERVICES=1): ${services_started[*]}; scripts/stop-services.sh stops them"
    return 0
  fi
  for ((i = ${#services_started[@]} - 1; i >= 0; i--)); do
    name=${services_started[i]}
    "$(service_script "$name")" stop >/dev/null 2>&1 || echo "$name: stop failed" >&2
  done
  [ ${#services_started[@]} -eq 0 ] || echo "Stopped what this run started: ${services_started[*]}"
  services_started=()
}
