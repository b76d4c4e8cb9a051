#!/usr/bin/env bash
# Sets up everything and starts the portal: backend on http://localhost:7007 and the frontend on
# http://localhost:3000 (sign in as guest, a member of the tenant team-orion). On first start the demo buys
# vCPU-hours for the demo tenants and creates jobs that copy a PostgreSQL table into Parquet files under
# .run/demo-lake/ with a real local Spark. Data is kept in ./sqlite between starts. Ctrl-C stops the portal.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { printf '\n==> [%4ss] %s\n' "$((SECONDS - started))" "$*"; }

step "Node 22 and the Yarn workspaces"
scripts/setup.sh
source scripts/lib/node.sh

step "Spark (pyspark and the JDBC/S3 jars, cached by version)"
test-infra/spark/setup.sh

step "Demo source database (PostgreSQL 15 on 127.0.0.1:55432)"
test-infra/services/postgres.sh start
scripts/demo/seed-source.sh

mkdir -p sqlite .run/demo-lake
step "Starting the portal: open http://localhost:3000 once the frontend has compiled"
exec node .yarn/releases/yarn-4.13.0.cjs start
