#!/usr/bin/env bash
# Runs the benchmarks under Node with the repo's own TypeScript transform: @backstage/cli's node transform
# (SWC via @backstage/cli-node), the one `backstage-cli package start` uses. No build step, no Jest.
#   plugins/ingestion-backend/bench/run.sh [ordinary|dst|reclaim ...]   (default: all, each in a fresh process)
#   ordinary, dst: the scheduling domain over a week (BENCH_JOBS / BENCH_DECISIONS override the sizes);
#   reclaim: lent capacity taken back from real local Spark runs (BENCH_ROUNDS / BENCH_TICK_MS; yarn bench:reclaim).
set -euo pipefail
package_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=/dev/null
source "$package_dir/../../scripts/lib/node.sh"
cd "$package_dir"
benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(ordinary dst reclaim)
for bench in "${benches[@]}"; do
  if [ "$bench" = reclaim ]; then
    node -r @backstage/cli/config/nodeTransform.cjs bench/reclaim.bench.ts
  else
    node -r @backstage/cli/config/nodeTransform.cjs bench/scheduling.bench.ts "$bench"
  fi
done
