#!/usr/bin/env bash
# Sets up everything and starts the portal: backend on http://localhost:7007 and the frontend on
# http://localhost:3000 (sign in as guest). Data is kept in ./sqlite between starts. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/lib/node.sh
mkdir -p sqlite
echo "==> Starting the portal: open http://localhost:3000 once the frontend has compiled"
exec yarn start
