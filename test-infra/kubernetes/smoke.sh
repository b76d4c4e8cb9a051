#!/usr/bin/env bash
# Smoke test of the test control plane (cluster.sh), end to end through real components:
#   1. the cluster starts (or is already running) and reports its version and fake nodes;
#   2. a namespace with a ResourceQuota of cpu 4: a pod asking for cpu 5 is refused by the apiserver's
#      quota admission, a pod asking for cpu 1 is admitted, scheduled onto a kwok node and Running;
#   3. a SparkApplication (sparkoperator.k8s.io/v1beta2) goes through spark-operator's spark-submit to a
#      driver pod and its status reaches COMPLETED;
#   4. one whose driver carries annotation ingest.test/fail: "true" reaches FAILED.
# Prints what it saw; ends with "smoke: N passed, N failed" and exits non-zero on any failure.
# Stops the cluster at the end only if this script started it (INGEST_KEEP_CLUSTER=1 keeps it running).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TIMEOUT=${INGEST_SMOKE_TIMEOUT:-180}
passed=0; failed=0

say() { printf '[smoke %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
ok() { passed=$((passed + 1)); say "PASS: $*"; }
bad() { failed=$((failed + 1)); say "FAIL: $*"; }

was_running=0
"$HERE/cluster.sh" status >/dev/null 2>&1 && was_running=1

t0=$(date +%s)
if KUBECONFIG=$("$HERE/cluster.sh" start); then
  ok "cluster started in $(( $(date +%s) - t0 ))s (kubeconfig $KUBECONFIG)"
else
  bad "cluster.sh start failed"
  echo "smoke: $passed passed, $failed failed"
  exit 1
fi
export KUBECONFIG
BIN="$("$HERE/build.sh" --print-dir)/bin"
kubectl() { "$BIN/kubectl" "$@"; }
LOGS="$(dirname "$KUBECONFIG")/logs"

finish() {
  if [ "$failed" -gt 0 ]; then
    say "last lines of the spark-operator and kwok logs:"
    tail -n 25 "$LOGS/spark-operator.log" 2>/dev/null | sed 's/^/    /'
    tail -n 10 "$LOGS/kwok.log" 2>/dev/null | sed 's/^/    /'
  fi
  [ -n "${NS:-}" ] && kubectl delete namespace "$NS" --wait=false >/dev/null 2>&1
  if [ "$was_running" = 0 ] && [ "${INGEST_KEEP_CLUSTER:-0}" != 1 ]; then "$HERE/cluster.sh" stop >/dev/null 2>&1; fi
  echo "smoke: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
trap 'finish; exit $?' EXIT

say "server version: $(kubectl version -o json | sed -n '/serverVersion/,/}/s/.*"gitVersion": "\([^"]*\)".*/\1/p')"
kubectl get nodes -L type --no-headers | sed 's/^/    /'

# ------------------------------------------------------------------ ResourceQuota
NS="ingest-smoke-$(date +%s)"
kubectl create namespace "$NS" >/dev/null
kubectl -n "$NS" apply -f - >/dev/null <<EOF
apiVersion: v1
kind: ResourceQuota
metadata:
  name: spark-units
spec:
  hard:
    cpu: "4"
EOF
# quota admission refuses everything while the quota has no computed status: wait for the controller
for _ in $(seq 1 60); do
  [ -n "$(kubectl -n "$NS" get resourcequota spark-units -o jsonpath='{.status.hard.cpu}')" ] && break
  sleep 0.5
done
say "namespace $NS with ResourceQuota cpu=$(kubectl -n "$NS" get resourcequota spark-units -o jsonpath='{.status.hard.cpu}')"

pod_yaml() { # pod_yaml <name> <cpu>
  cat <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: $1
spec:
  containers:
  - name: main
    image: registry.invalid/none:0
    resources:
      requests: {cpu: "$2", memory: 256Mi}
      limits: {cpu: "$2", memory: 256Mi}
EOF
}

if out=$(pod_yaml too-big 5 | kubectl -n "$NS" create -f - 2>&1); then
  bad "a pod requesting cpu 5 was admitted in a namespace with quota cpu 4"
elif echo "$out" | grep -q "exceeded quota"; then
  ok "pod requesting cpu 5 refused by the apiserver: $(echo "$out" | sed 's/^Error from server (Forbidden): //')"
else
  bad "pod creation failed, but not by quota: $out"
fi

pod_yaml fits 1 | kubectl -n "$NS" create -f - >/dev/null
if kubectl -n "$NS" wait --for jsonpath='{.status.phase}'=Running pod/fits --timeout 60s >/dev/null; then
  ok "pod requesting cpu 1 admitted, scheduled on $(kubectl -n "$NS" get pod fits -o jsonpath='{.spec.nodeName}') and Running (quota used: $(kubectl -n "$NS" get resourcequota spark-units -o jsonpath='{.status.used.cpu}'))"
else
  bad "pod fits did not reach Running: $(kubectl -n "$NS" get pod fits -o wide --no-headers 2>&1)"
fi
kubectl -n "$NS" delete pod fits --wait=false >/dev/null

# ------------------------------------------------------------------ SparkApplications
spark_app() { # spark_app <name> <fail:true|false>
  cat <<EOF
apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: $1
spec:
  type: Scala
  mode: cluster
  sparkVersion: 4.1.1
  image: spark:4.1.1
  mainClass: org.apache.spark.examples.SparkPi
  mainApplicationFile: local:///opt/spark/examples/jars/spark-examples.jar
  arguments: ["10"]
  restartPolicy:
    type: Never
  driver:
    cores: 1
    memory: 512m
    annotations:
      ingest.test/fail: "$2"
      ingest.test/run-duration: 5s
  executor:
    instances: 1
    cores: 1
    memory: 512m
EOF
}

follow_apps() { # follow_apps <app>=<expected final state>...: polls all apps, prints every state change
  local start spec app want state done_apps="" n=$#
  declare -A last seen
  start=$(date +%s)
  while [ $(( $(date +%s) - start )) -lt "$TIMEOUT" ] && [ "$(echo "$done_apps" | wc -w)" -lt "$n" ]; do
    for spec in "$@"; do
      app=${spec%%=*}; want=${spec#*=}
      case " $done_apps " in *" $app "*) continue ;; esac
      state=$(kubectl -n "$NS" get sparkapplication "$app" -o jsonpath='{.status.applicationState.state}' 2>/dev/null)
      if [ -n "$state" ] && [ "$state" != "${last[$app]:-}" ]; then
        say "  $app: $state (+$(( $(date +%s) - start ))s)"
        seen[$app]="${seen[$app]:-}${seen[$app]:+ -> }$state"; last[$app]=$state
      fi
      case "$state" in
        COMPLETED|FAILED|SUBMISSION_FAILED)
          done_apps="$done_apps $app"
          if [ "$state" = "$want" ]; then
            ok "SparkApplication $app reached $want after $(( $(date +%s) - start ))s (${seen[$app]}); driver pod $(kubectl -n "$NS" get sparkapplication "$app" -o jsonpath='{.status.driverInfo.podName}') phase $(kubectl -n "$NS" get pod "$app-driver" -o jsonpath='{.status.phase}' 2>/dev/null)"
          else
            bad "SparkApplication $app ended $state, wanted $want (${seen[$app]}); error: $(kubectl -n "$NS" get sparkapplication "$app" -o jsonpath='{.status.applicationState.errorMessage}' 2>/dev/null | head -c 600)"
          fi ;;
      esac
    done
    sleep 0.3
  done
  for spec in "$@"; do
    app=${spec%%=*}; want=${spec#*=}
    case " $done_apps " in *" $app "*) ;; *) bad "SparkApplication $app did not reach $want within ${TIMEOUT}s (seen: ${seen[$app]:-no status})" ;; esac
  done
}

spark_app spark-pi-ok false | kubectl -n "$NS" apply -f - >/dev/null
spark_app spark-pi-fail true | kubectl -n "$NS" apply -f - >/dev/null
say "submitted SparkApplications spark-pi-ok and spark-pi-fail (driver annotation ingest.test/fail=true)"
follow_apps spark-pi-ok=COMPLETED spark-pi-fail=FAILED
kubectl -n "$NS" get sparkapplications,pods -o wide 2>/dev/null | sed 's/^/    /'
