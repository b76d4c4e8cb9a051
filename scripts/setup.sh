#!/usr/bin/env bash
# Installs everything the portal needs to run: Node 22 (if the system Node is older) and the Yarn workspaces.
set -euo pipefail
source "$(dirname "$0")/lib/node.sh"
cd "$repo_root"
echo "==> Node $(node -v); installing workspaces with Yarn $(yarn --version)"
yarn install --immutable 2>&1 | grep -vE 'YN0013|YN0060|YN0002|YN0086' || true
test -d node_modules/@backstage/cli || { echo "yarn install failed" >&2; exit 1; }
