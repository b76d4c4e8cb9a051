#!/usr/bin/env bash
# Builds the Kubernetes test control plane from the Go module proxy into a cache outside the repository:
#   ${INGEST_CACHE_DIR:-$HOME/.cache/spark-ingestion}/kubernetes/<k8s-version>-<hash>/
#     bin/    etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok spark-operator
#     share/  kwok's stock Stage YAML and spark-operator's CRDs, copied from the module cache
# <hash> covers tools/go.{mod,sum}, spark-operator/go.{mod,sum} and the build recipe below, so a version
# bump (re-run tools/generate-go-mod.sh) builds anew and a warm run only checks files (seconds).
#
#   build.sh             build what is missing, print the cache directory on the last line
#   build.sh --print-dir print the cache directory (no build)
#   build.sh --check     exit 0 if everything is built, 1 otherwise (no build)
#
# Go builds run under `nice -n 15` (the machine is shared). GOFLAGS=-mod=readonly: go.sum is complete and
# committed, so the build is reproducible and fails loudly instead of resolving anything new.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOOLS="$HERE/tools"
SPARKOP="$HERE/spark-operator"
# bump when the way binaries are built changes (flags, layout) to invalidate old caches
RECIPE=4

k8s_version() { awk '$1=="k8s.io/kubernetes"{print $2; exit}' "$TOOLS/go.mod"; }
sparkop_version() { awk '$1=="github.com/kubeflow/spark-operator/v2"{print $2; exit}' "$SPARKOP/go.mod"; }
kwok_version() { awk '$1=="sigs.k8s.io/kwok"{print $2; exit}' "$TOOLS/go.mod"; }

K8S_VERSION=$(k8s_version)
SPARKOP_VERSION=$(sparkop_version)
KWOK_VERSION=$(kwok_version)
HASH=$( { echo "recipe=$RECIPE"; cat "$TOOLS/go.mod" "$TOOLS/go.sum" "$SPARKOP/go.mod" "$SPARKOP/go.sum"; } \
        | sha256sum | cut -c1-12)
CACHE_ROOT="${INGEST_CACHE_DIR:-$HOME/.cache/spark-ingestion}/kubernetes"
OUT="$CACHE_ROOT/${K8S_VERSION}-${HASH}"
BIN="$OUT/bin"
SHARE="$OUT/share"
BINARIES=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok spark-operator)

all_built() {
  local b
  for b in "${BINARIES[@]}"; do [ -x "$BIN/$b" ] || return 1; done
  [ -f "$SHARE/.complete" ]
}

case "${1:-}" in
  --print-dir) echo "$OUT"; exit 0 ;;
  --check) all_built; exit $? ;;
  "") ;;
  *) echo "usage: $0 [--print-dir|--check]" >&2; exit 2 ;;
esac

log() { printf '[build %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
T0=$(date +%s)

# One build at a time per output folder: two checkouts building together would move each other's binaries.
mkdir -p "$(dirname "$OUT")"
exec 9>"$OUT.lock"
flock 9

if all_built; then
  log "cached: kubernetes ${K8S_VERSION}, spark-operator ${SPARKOP_VERSION}, kwok ${KWOK_VERSION} in $OUT ($(( $(date +%s) - T0 ))s)"
  echo "$OUT"
  exit 0
fi

command -v go >/dev/null || { echo "go is not on PATH" >&2; exit 1; }
mkdir -p "$BIN" "$SHARE"
export GOFLAGS="-mod=readonly -buildvcs=false"
export CGO_ENABLED=0
log "kubernetes ${K8S_VERSION} (staging v0.${K8S_VERSION#v1.}), etcd $(awk '$1=="go.etcd.io/etcd/server/v3" && $2 ~ /^v/ {print $2; exit}' "$TOOLS/go.mod"), kwok ${KWOK_VERSION}, spark-operator ${SPARKOP_VERSION}; $(go version)"
log "output: $OUT"

step() { # step <name> <command...>: runs a timed step
  local name=$1 s; shift
  s=$(date +%s)
  log "$name ..."
  "$@"
  log "$name done in $(( $(date +%s) - s ))s"
}

download_modules() {
  (cd "$TOOLS" && go mod download)
  (cd "$SPARKOP" && go mod download)
}

build_kubernetes() {
  local tmp="$OUT/bin.tmp" pkgs=() missing=0 minor
  minor=$(echo "$K8S_VERSION" | cut -d. -f2)
  for b in etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok; do
    [ -x "$BIN/$b" ] || missing=1
  done
  [ "$missing" = 1 ] || { log "kubernetes binaries already built"; return 0; }
  rm -rf "$tmp"; mkdir -p "$tmp"
  local vpkg=k8s.io/component-base/version
  local ldflags="-s -w -X ${vpkg}.gitVersion=${K8S_VERSION} -X ${vpkg}.gitMajor=1 -X ${vpkg}.gitMinor=${minor}"
  # /version: the release's commit (when the module proxy reports it) and its publication time
  local dl commit date
  dl=$(cd "$TOOLS" && go mod download -json "k8s.io/kubernetes@${K8S_VERSION}")
  commit=$(echo "$dl" | sed -n 's/^[[:space:]]*"Hash": "\([0-9a-f]*\)",\{0,1\}$/\1/p' | head -1)
  date=$(sed -n 's/.*"Time":"\([^"]*\)".*/\1/p' "$(echo "$dl" | sed -n 's/^[[:space:]]*"Info": "\(.*\)",$/\1/p')" 2>/dev/null || true)
  ldflags+=" -X ${vpkg}.gitTreeState=clean -X ${vpkg}.gitCommit=${commit} -X ${vpkg}.buildDate=${date:-1970-01-01T00:00:00Z}"
  # one go build for all main packages: the shared k8s.io packages compile once, both cores stay busy
  (cd "$TOOLS" && nice -n 15 go build -trimpath -ldflags "$ldflags" -o "$tmp/" \
      go.etcd.io/etcd/server/v3 \
      k8s.io/kubernetes/cmd/kube-apiserver \
      k8s.io/kubernetes/cmd/kube-controller-manager \
      k8s.io/kubernetes/cmd/kube-scheduler \
      k8s.io/kubernetes/cmd/kubectl \
      sigs.k8s.io/kwok/cmd/kwok)
  mv "$tmp/server" "$BIN/etcd"   # go names the etcd main package after its directory
  for b in kube-apiserver kube-controller-manager kube-scheduler kubectl kwok; do mv "$tmp/$b" "$BIN/$b"; done
  rmdir "$tmp"
}

build_spark_operator() {
  [ -x "$BIN/spark-operator" ] && { log "spark-operator already built"; return 0; }
  (cd "$SPARKOP" && nice -n 15 go build -trimpath -ldflags "-s -w" \
      -o "$BIN/spark-operator.tmp" github.com/kubeflow/spark-operator/v2/cmd/operator)
  mv "$BIN/spark-operator.tmp" "$BIN/spark-operator"
}

copy_share() {
  local kwok_dir sparkop_dir
  kwok_dir=$(cd "$TOOLS" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
  sparkop_dir=$(cd "$SPARKOP" && go list -m -f '{{.Dir}}' github.com/kubeflow/spark-operator/v2)
  rm -rf "$SHARE"
  mkdir -p "$SHARE/kwok-stages/node" "$SHARE/kwok-stages/pod-fast" "$SHARE/kwok-stages/pod-general" \
    "$SHARE/spark-operator-crds"
  # kwok's stock stages: nodes (initialize, heartbeat with lease) and two pod lifecycles: fast (Running at
  # once) and general (create, init containers, ready with 1-6 s delays); cluster.sh picks one
  cp "$kwok_dir"/kustomize/stage/node/fast/node-initialize.yaml \
     "$kwok_dir"/kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml "$SHARE/kwok-stages/node/"
  cp "$kwok_dir"/kustomize/stage/pod/fast/pod-*.yaml "$SHARE/kwok-stages/pod-fast/"
  cp "$kwok_dir"/kustomize/stage/pod/general/pod-*.yaml "$SHARE/kwok-stages/pod-general/"
  cp "$sparkop_dir"/config/crd/bases/*.yaml "$SHARE/spark-operator-crds/"
  chmod -R u+w "$SHARE"
  printf 'kwok %s\nspark-operator %s\n' "$KWOK_VERSION" "$SPARKOP_VERSION" > "$SHARE/.complete"
}

step "go mod download (tools, spark-operator)" download_modules
step "build etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok" build_kubernetes
step "build spark-operator" build_spark_operator
step "copy kwok stages and spark-operator CRDs" copy_share
all_built || { echo "build finished but binaries are missing in $BIN" >&2; exit 1; }
log "built in $(( $(date +%s) - T0 ))s: $(cd "$BIN" && du -sh . | cut -f1) in $BIN"
"$BIN/kube-apiserver" --version >&2 || true
echo "$OUT"
