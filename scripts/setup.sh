#!/usr/bin/env bash
# Installs everything the portal needs to run: Node 22 (if the system Node is older) and the Yarn workspaces.
set -uo pipefail
source "$(dirname "$0")/lib/node.sh"
cd "$repo_root"
echo "==> Node $(node -v); installing workspaces with Yarn $(yarn --version) (a few minutes the first time)"
mkdir -p .run
yarn install --immutable > .run/yarn-install.log 2>&1
status=$?
# Progress and the known-harmless warnings (keytar needs libsecret, peer ranges of the 1.57 release) stay in the log.
grep -E 'YN0001|YN0028|YN0082|Error|error' .run/yarn-install.log | grep -vE 'keytar|STDERR|YN0009' | head -20
tail -1 .run/yarn-install.log
if [ $status -ne 0 ]; then
  echo "yarn install failed (exit $status); see .run/yarn-install.log" >&2
  exit $status
fi
