#!/usr/bin/env bash
# Runs the scheduling benchmark under Node with the repo's own TypeScript transform: @backstage/cli's node transform
# (SWC via @backstage/cli-node), the one `backstage-cli package start` uses. No build step, no Jest.
#   plugins/ingestion-backend/bench/run.sh [ordinary|dst ...]   (default: both, each in a fresh process)
#   BENCH_JOBS / BENCH_DECISIONS override the sizes.
set -euo pipefail
package_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=/dev/null
source "$package_dir/../../scripts/lib/node.sh"
cd "$package_dir"
weeks=("$@")
[ ${#weeks[@]} -gt 0 ] || weeks=(ordinary dst)
for week in "${weeks[@]}"; do
  node -r @backstage/cli/config/nodeTransform.cjs bench/scheduling.bench.ts "$week"
done
