#!/usr/bin/env bash
# Copies one PostgreSQL table of BENCH_ROWS rows (default 3 000 000) to local Parquet twice, on the same cores and
# partitioning: through the product (the local Spark executor: job.json, spark-submit of the ingestion application,
# event log, result.json, observed the way the dispatcher observes it) and through a bare PySpark script with the
# same jar. Prints rows/s of each and the ratio. Not a test: the figures depend on the machine.
#   plugins/ingestion-backend-module-local-executor/bench/run.sh
set -euo pipefail
package_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=/dev/null
source "$package_dir/../../scripts/lib/node.sh"
cd "$package_dir"
node -r @backstage/cli/config/nodeTransform.cjs bench/copy.bench.ts
