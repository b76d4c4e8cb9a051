#!/usr/bin/env bash
# A real Kubernetes control plane for tests, on loopback, without Docker:
#   etcd 127.0.0.1:52379 (peer :52380)      kube-apiserver https://127.0.0.1:56443
#   kube-controller-manager :50257          kube-scheduler :50259
#   kwok (fake nodes + pod lifecycle) :50247 spark-operator controller (health :50081)
# Binaries come from build.sh (built from the Go module proxy, cached outside the repository).
# State, logs, pids, certificates and kubeconfigs live in <repo>/.run/kubernetes/ (git-ignored).
#
#   cluster.sh start        start whatever is not running; wait until ready; print the kubeconfig path
#   cluster.sh stop         stop what start started (by recorded pid, whole process group)
#   cluster.sh status       show components, nodes and CRDs
#   cluster.sh kubeconfig   print the admin kubeconfig path
#   cluster.sh reset        stop, then delete all state (etcd data, certificates, logs)
#
# Environment:
#   INGEST_CACHE_DIR        cache root (default $HOME/.cache/spark-ingestion), see build.sh
#   INGEST_K8S_NODES        number of fake nodes (default 3), INGEST_K8S_NODE_CPU (16), INGEST_K8S_NODE_MEMORY (64Gi)
#   INGEST_KWOK_POD_STAGES  fast (default: pods Running at once) or general (kwok's 1-6 s create/ready delays)
#   SPARK_HOME              used for spark-operator's spark-submit if set; otherwise <repo>/.tools/spark/venv's
#                           pyspark, otherwise a pyspark venv of our own in the cache
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
RUN="$REPO/.run/kubernetes"
PKI="$RUN/pki"
LOGS="$RUN/logs"
PIDS="$RUN/pids"
KUBECONFIG_ADMIN="$RUN/admin.kubeconfig"

ETCD_PORT=52379
ETCD_PEER_PORT=52380
API_PORT=56443
KCM_PORT=50257
SCHED_PORT=50259
KWOK_PORT=50247
SPARKOP_HEALTH_PORT=50081
SERVICE_CIDR=10.96.0.0/24      # virtual only: no kube-proxy, nothing routes or sends to it
FIRST_SERVICE_IP=10.96.0.1
POD_CIDR=127.16.0.0/16         # kwok assigns fake pod IPs from loopback so a stray connect stays local
PYSPARK_VERSION=4.1.4
NODES=${INGEST_K8S_NODES:-3}
NODE_CPU=${INGEST_K8S_NODE_CPU:-16}
NODE_MEMORY=${INGEST_K8S_NODE_MEMORY:-64Gi}
POD_STAGES=${INGEST_KWOK_POD_STAGES:-fast}
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok spark-operator)

log() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- processes
pid_of() { # prints the pid of a running component we started, or fails
  local f="$PIDS/$1.pid" pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
  # guard against pid reuse: the process must run the binary recorded next to the pid
  grep -qF "$(cat "$PIDS/$1.cmd" 2>/dev/null || echo no-such-binary)" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

launch() { # launch <name> <binary> args...   (own session, so stop can end its whole process group)
  local name=$1 bin=$2; shift 2
  if pid_of "$name" >/dev/null; then
    log "$name already running (pid $(pid_of "$name"))"
    [ "$(cat "$PIDS/$name.cmd")" = "$bin" ] || log "WARNING: $name runs $(cat "$PIDS/$name.cmd"), not $bin (a newer build): run '$0 stop' and start again to use it"
    return 0
  fi
  echo "$bin" > "$PIDS/$name.cmd"
  # 8>&-: the daemon must not inherit (and hold) the start lock
  setsid "$bin" "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null 8>&- &
  echo $! > "$PIDS/$name.pid"
  log "$name started (pid $!, log .run/kubernetes/logs/$name.log)"
}

stop_components() { # stop_components <name>...: TERM each process group, then wait (KILL after 15 s)
  local name pid i pids=() names=()
  for name in "$@"; do
    if pid=$(pid_of "$name"); then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid"); names+=("$name")
    fi
    rm -f "$PIDS/$name.pid"
  done
  for i in "${!pids[@]}"; do
    pid=${pids[$i]}
    for _ in $(seq 1 75); do [ -d "/proc/$pid" ] || break; sleep 0.2; done
    if [ -d "/proc/$pid" ]; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; fi
    log "${names[$i]} stopped (pid $pid)"
  done
}

wait_for() { # wait_for <description> <seconds> <command...>
  local what=$1 timeout=$2 start; shift 2
  start=$(date +%s)
  until "$@" >/dev/null 2>&1; do
    if [ $(( $(date +%s) - start )) -ge "$timeout" ]; then log "timed out after ${timeout}s waiting for $what"; return 1; fi
    sleep 0.5
  done
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_port_free() { # check_port_free <component> <port>: fail early when another program holds our port
  local name=$1 port=$2
  if ! pid_of "$name" >/dev/null && port_busy "$port"; then
    die "port $port (for $name) is in use by another program; stop it or change the port in cluster.sh"
  fi
}

# ---------------------------------------------------------------- one-time state
make_pki() {
  [ -f "$PKI/.complete" ] && return 0
  log "creating CA, apiserver serving certificate and service-account key pair in .run/kubernetes/pki"
  rm -rf "$PKI"; mkdir -p "$PKI"; chmod 700 "$PKI"
  (
    cd "$PKI"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 \
      -subj "/CN=spark-ingestion-test-ca" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj "/CN=kube-apiserver" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,IP:%s,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local\nextendedKeyUsage=serverAuth\n' \
      "$FIRST_SERVICE_IP" > apiserver.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out apiserver.crt -days 3650 \
      -extfile apiserver.ext 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    rm -f apiserver.csr apiserver.ext ca.srl
  )
  touch "$PKI/.complete"
}

# static token file: token,user,uid,"groups"; one identity per component
make_tokens() {
  [ -f "$RUN/tokens.csv" ] && return 0
  t() { openssl rand -hex 24; }
  {
    echo "$(t),admin,admin,\"system:masters\""
    echo "$(t),system:kube-controller-manager,kube-controller-manager,"
    echo "$(t),system:kube-scheduler,kube-scheduler,"
    echo "$(t),kwok-controller,kwok-controller,\"system:masters\""
    echo "$(t),spark-operator,spark-operator,\"system:masters\""
  } > "$RUN/tokens.csv"
  chmod 600 "$RUN/tokens.csv"
}

token_of() { awk -F, -v u="$1" '$2==u{print $1}' "$RUN/tokens.csv"; }

write_kubeconfig() { # write_kubeconfig <file> <user>
  local file=$1 user=$2 ca
  ca=$(base64 -w0 < "$PKI/ca.crt")
  cat > "$file" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: ingest-test
  cluster:
    server: https://127.0.0.1:${API_PORT}
    certificate-authority-data: ${ca}
users:
- name: ${user}
  user:
    token: $(token_of "$user")
contexts:
- name: ingest-test
  context:
    cluster: ingest-test
    user: ${user}
    namespace: default
current-context: ingest-test
EOF
  chmod 600 "$file"
}

make_kubeconfigs() {
  write_kubeconfig "$KUBECONFIG_ADMIN" admin
  write_kubeconfig "$RUN/kube-controller-manager.kubeconfig" system:kube-controller-manager
  write_kubeconfig "$RUN/kube-scheduler.kubeconfig" system:kube-scheduler
  write_kubeconfig "$RUN/kwok.kubeconfig" kwok-controller
  write_kubeconfig "$RUN/spark-operator.kubeconfig" spark-operator
}

spark_home() {
  # 1. SPARK_HOME from the environment, 2. the project's pyspark venv (test-infra/spark/setup.sh),
  # 3. our own pyspark venv in the cache
  if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then echo "$SPARK_HOME"; return 0; fi
  local py
  for py in "$REPO/.tools/spark/venv/bin/python" "$CACHE_VENV/bin/python"; do
    [ -x "$py" ] || continue
    [ "$py" = "$CACHE_VENV/bin/python" ] && [ ! -f "$CACHE_VENV/.ready" ] && continue
    local d
    d=$("$py" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))' 2>/dev/null) || continue
    [ -x "$d/bin/spark-submit" ] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_spark_home() {
  SPARK_HOME_RESOLVED=$(spark_home) && return 0
  log "no pyspark found (SPARK_HOME, .tools/spark/venv): installing pyspark==$PYSPARK_VERSION into $CACHE_VENV"
  mkdir -p "$(dirname "$CACHE_VENV")"
  (
    exec 9>"$(dirname "$CACHE_VENV")/.lock"; flock 9
    if [ ! -f "$CACHE_VENV/.ready" ]; then
      rm -rf "$CACHE_VENV"
      python3 -m venv "$CACHE_VENV"
      nice -n 10 "$CACHE_VENV/bin/pip" install -q --disable-pip-version-check "pyspark==$PYSPARK_VERSION" >&2
      touch "$CACHE_VENV/.ready"
    fi
  )
  SPARK_HOME_RESOLVED=$(spark_home) || die "pyspark installed but spark-submit not found"
}

kwok_config() { # the Stage objects kwok runs: kwok's stock ones (copied by build.sh) plus ours
  local share=$1 f out="$RUN/kwok-stages.yaml"
  : > "$out"
  for f in "$share"/kwok-stages/node/*.yaml "$share"/kwok-stages/pod-"$POD_STAGES"/*.yaml "$HERE"/kwok/*.yaml; do
    [ -f "$f" ] || die "missing kwok stage file $f"
    { echo "---"; cat "$f"; echo; } >> "$out"
  done
  echo "$out"
}

fake_nodes_yaml() {
  local i
  for i in $(seq 1 "$NODES"); do
    cat <<EOF
---
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: "0"
  labels:
    type: kwok
    kubernetes.io/arch: amd64
    kubernetes.io/os: linux
    kubernetes.io/hostname: kwok-node-$i
    kubernetes.io/role: agent
    node-role.kubernetes.io/agent: ""
spec: {}
status:
  allocatable:
    cpu: "$NODE_CPU"
    memory: $NODE_MEMORY
    pods: "110"
  capacity:
    cpu: "$NODE_CPU"
    memory: $NODE_MEMORY
    pods: "110"
EOF
  done
}

# ---------------------------------------------------------------- commands
resolve_build() {
  OUT=$("$HERE/build.sh") || die "build.sh failed"
  BIN="$OUT/bin"
  SHARE="$OUT/share"
  # a venv is tied to the interpreter that made it: key it by Python version too
  CACHE_VENV="${INGEST_CACHE_DIR:-$HOME/.cache/spark-ingestion}/kubernetes/pyspark-$PYSPARK_VERSION-py$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')/venv"
}

kc() { "$BIN/kubectl" --kubeconfig "$KUBECONFIG_ADMIN" "$@"; }

leases_renewed() { # every fake node has a Lease renewed in the last 60 s (so kwok is alive and managing it)
  local n
  n=$(kc -n kube-node-lease get lease -o jsonpath='{range .items[*]}{.spec.renewTime}{"\n"}{end}' 2>/dev/null \
      | while read -r t; do [ -n "$t" ] && [ $(( $(date +%s) - $(date -d "$t" +%s) )) -lt 60 ] && echo ok; done | wc -l)
  [ "$n" -ge "$NODES" ]
}

cmd_start() {
  local t0 crds
  t0=$(date +%s)
  local tool
  for tool in go curl openssl setsid flock base64 python3 java; do  # java: spark-submit is a JVM
    command -v "$tool" >/dev/null || die "$tool is not on PATH (Debian: curl openssl util-linux coreutils; a JDK 17)"
  done
  mkdir -p "$RUN" "$LOGS" "$PIDS"
  exec 8>"$RUN/.lock"; flock 8
  resolve_build
  ensure_spark_home
  make_pki; make_tokens; make_kubeconfigs

  check_port_free etcd "$ETCD_PORT"; check_port_free etcd "$ETCD_PEER_PORT"
  check_port_free kube-apiserver "$API_PORT"
  check_port_free kube-controller-manager "$KCM_PORT"; check_port_free kube-scheduler "$SCHED_PORT"
  check_port_free kwok "$KWOK_PORT"; check_port_free spark-operator "$SPARKOP_HEALTH_PORT"

  launch etcd "$BIN/etcd" --name ingest-test --data-dir "$RUN/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "ingest-test=http://127.0.0.1:$ETCD_PEER_PORT" \
    --unsafe-no-fsync --quota-backend-bytes=2147483648 --log-level=warn
  wait_for "etcd health" 60 curl -fsS "http://127.0.0.1:$ETCD_PORT/health" || die "etcd did not start (see $LOGS/etcd.log)"

  launch kube-apiserver "$BIN/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$API_PORT" \
    --cert-dir "$PKI" --tls-cert-file "$PKI/apiserver.crt" --tls-private-key-file "$PKI/apiserver.key" \
    --client-ca-file "$PKI/ca.crt" \
    --token-auth-file "$RUN/tokens.csv" \
    --authorization-mode Node,RBAC \
    --service-account-key-file "$PKI/sa.pub" --service-account-signing-key-file "$PKI/sa.key" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --api-audiences https://kubernetes.default.svc.cluster.local \
    --service-cluster-ip-range "$SERVICE_CIDR" \
    --endpoint-reconciler-type none \
    --allow-privileged=true --profiling=false \
    --kubelet-preferred-address-types InternalIP \
    --v 1
  wait_for "kube-apiserver /readyz" 120 kc get --raw /readyz || die "kube-apiserver did not become ready (see $LOGS/kube-apiserver.log)"

  launch kube-controller-manager "$BIN/kube-controller-manager" \
    --kubeconfig "$RUN/kube-controller-manager.kubeconfig" \
    --authentication-kubeconfig "$RUN/kube-controller-manager.kubeconfig" \
    --authorization-kubeconfig "$RUN/kube-controller-manager.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$KCM_PORT" --cert-dir "$RUN/kcm-certs" \
    --leader-elect=false --use-service-account-credentials=true \
    --service-account-private-key-file "$PKI/sa.key" --root-ca-file "$PKI/ca.crt" \
    --controllers serviceaccount-token-controller,clusterrole-aggregation-controller,serviceaccount-controller,root-ca-certificate-publisher-controller,resourcequota-controller,namespace-controller,garbage-collector-controller,node-lifecycle-controller,taint-eviction-controller,pod-garbage-collector-controller,replicaset-controller,deployment-controller,job-controller,endpointslice-controller,ttl-after-finished-controller \
    --node-monitor-grace-period 60s \
    --concurrent-resource-quota-syncs 5 --resource-quota-sync-period 30s \
    --v 1
  launch kube-scheduler "$BIN/kube-scheduler" \
    --kubeconfig "$RUN/kube-scheduler.kubeconfig" \
    --authentication-kubeconfig "$RUN/kube-scheduler.kubeconfig" \
    --authorization-kubeconfig "$RUN/kube-scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$SCHED_PORT" --cert-dir "$RUN/scheduler-certs" \
    --leader-elect=false --v 1
  if ! pid_of kwok >/dev/null; then
    # a new kwok has a new identity and would wait for the old one's node leases to expire (up to 40 s)
    # before it manages the nodes again: the old leases belong to a stopped kwok, remove them
    kc -n kube-node-lease delete lease --ignore-not-found --wait=false $(seq -f 'kwok-node-%g' 1 "$NODES") >/dev/null 2>&1 || true
  fi
  launch kwok "$BIN/kwok" \
    --kubeconfig "$RUN/kwok.kubeconfig" \
    --config "$(kwok_config "$SHARE")" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
    --node-ip 127.0.0.1 --node-port "$KWOK_PORT" --server-address "127.0.0.1:$KWOK_PORT" \
    --cidr "$POD_CIDR"

  fake_nodes_yaml | kc apply -f - >/dev/null
  crds=$(ls "$SHARE"/spark-operator-crds/*.yaml | sed 's/^/-f /' | tr '\n' ' ')
  # the CRDs are too large for the last-applied annotation of client-side apply: apply server side
  # shellcheck disable=SC2086
  kc apply --server-side --force-conflicts $crds >/dev/null
  # (kubectl wait errors out while a fresh CRD has no conditions yet, so retry it)
  wait_for "spark-operator CRDs established" 60 kc wait --for condition=established --timeout 5s \
    crd/sparkapplications.sparkoperator.k8s.io crd/scheduledsparkapplications.sparkoperator.k8s.io \
    crd/sparkconnects.sparkoperator.k8s.io || die "spark-operator CRDs not established"

  KUBECONFIG="$RUN/spark-operator.kubeconfig" \
  KUBERNETES_SERVICE_HOST=127.0.0.1 KUBERNETES_SERVICE_PORT="$API_PORT" \
  SPARK_HOME="$SPARK_HOME_RESOLVED" \
  SPARK_SUBMIT_OPTS="-Xmx512m" \
    launch spark-operator "$BIN/spark-operator" controller start \
      --namespaces="" --leader-election=false --enable-ui-service=false \
      --health-probe-bind-address "127.0.0.1:$SPARKOP_HEALTH_PORT" --metrics-bind-address 0 \
      --controller-threads 4

  wait_for "kube-controller-manager healthz" 60 curl -fsSk "https://127.0.0.1:$KCM_PORT/healthz" \
    || die "kube-controller-manager not healthy (see $LOGS/kube-controller-manager.log)"
  wait_for "kube-scheduler healthz" 60 curl -fsSk "https://127.0.0.1:$SCHED_PORT/healthz" \
    || die "kube-scheduler not healthy (see $LOGS/kube-scheduler.log)"
  kc wait --for condition=Ready --timeout 60s node -l type=kwok >/dev/null \
    || die "fake nodes not Ready (see $LOGS/kwok.log)"
  wait_for "default service account" 60 kc -n default get serviceaccount default \
    || die "no default service account (see $LOGS/kube-controller-manager.log)"
  wait_for "kwok renewing node leases" 60 leases_renewed || die "kwok does not renew node leases (see $LOGS/kwok.log)"
  wait_for "spark-operator readyz" 60 curl -fsS "http://127.0.0.1:$SPARKOP_HEALTH_PORT/readyz" \
    || die "spark-operator not ready (see $LOGS/spark-operator.log)"

  local c
  for c in "${COMPONENTS[@]}"; do pid_of "$c" >/dev/null || die "$c exited during start (see $LOGS/$c.log)"; done
  log "ready in $(( $(date +%s) - t0 ))s: kubernetes $("$BIN/kubectl" version --client -o json 2>/dev/null | sed -n 's/.*"gitVersion": "\(v[^"]*\)".*/\1/p' | head -1), $NODES kwok nodes (${NODE_CPU} cpu, ${NODE_MEMORY}), spark-operator, SPARK_HOME=$SPARK_HOME_RESOLVED"
  log "use: export KUBECONFIG=$KUBECONFIG_ADMIN"
  echo "$KUBECONFIG_ADMIN"
}

cmd_stop() {
  [ -d "$PIDS" ] || { log "nothing to stop"; return 0; }
  # clients first, then the apiserver, then etcd (so nothing logs connection errors on the way down)
  stop_components spark-operator kwok kube-scheduler kube-controller-manager
  stop_components kube-apiserver
  stop_components etcd
}

cmd_status() {
  local c pid rc=0
  for c in "${COMPONENTS[@]}"; do
    if pid=$(pid_of "$c"); then printf '%-24s running (pid %s)\n' "$c" "$pid"; else printf '%-24s stopped\n' "$c"; rc=1; fi
  done
  if [ -f "$KUBECONFIG_ADMIN" ] && pid_of kube-apiserver >/dev/null; then
    BIN="$("$HERE/build.sh" --print-dir)/bin"
    echo "kubeconfig: $KUBECONFIG_ADMIN"
    kc version 2>/dev/null | sed 's/^/  /' || true
    kc get nodes -o wide 2>/dev/null | sed 's/^/  /' || true
    kc get crd 2>/dev/null | sed 's/^/  /' || true
  fi
  return $rc
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  kubeconfig) [ -f "$KUBECONFIG_ADMIN" ] || die "no kubeconfig yet: run $0 start"; echo "$KUBECONFIG_ADMIN" ;;
  reset) cmd_stop; rm -rf "$RUN"; log "state removed" ;;
  *) echo "usage: $0 start|stop|status|kubeconfig|reset" >&2; exit 2 ;;
esac
