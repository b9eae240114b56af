#!/usr/bin/env bash
# Installs a real VS Code (code-server, = VS Code 1.100.3 served to a browser) into the
# project-local prefix .vscode-test/code-server, plus the Debian packages the end-to-end
# suite needs (chromium + a font, ripgrep, libkrb5-dev). Idempotent: a fast no-op when all is there.
#
# Works offline except for the npm registry and Debian apt:
#  - code-server's bundled @vscode/ripgrep (<= 1.17) downloads a binary from GitHub at
#    install time. We seed its download cache with Debian's /usr/bin/rg so no download happens.
#  - native modules are built with node-gyp against the local Node headers (nodedir=/usr).
#
# Env: CODE_SERVER_PREFIX (default <repo>/.vscode-test/code-server), CLIENTLOG_SKIP_APT=1.
set -euo pipefail

CS_VERSION="4.100.3"
# The @vscode/ripgrep version pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json.
RIPGREP_VERSION="1.15.11"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="${CODE_SERVER_PREFIX:-$ROOT/.vscode-test/code-server}"
BIN="$PREFIX/node_modules/.bin/code-server"

log() { printf '[install-code-server] %s\n' "$*"; }
die() { printf '[install-code-server] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- Debian packages
need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
have_deb libkrb5-dev || need_apt+=(libkrb5-dev)
# Chromium only recommends its fonts; without any font the workbench renders tofu.
have_deb fonts-liberation || have_deb fonts-dejavu-core || need_apt+=(fonts-liberation)

if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "${CLIENTLOG_SKIP_APT:-}" = "1" ]; then
    die "missing Debian packages: ${need_apt[*]} (CLIENTLOG_SKIP_APT=1 set)"
  fi
  SUDO=""
  if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null 2>&1 || die "missing Debian packages ${need_apt[*]}; run as root or install them"
    SUDO="sudo"
  fi
  log "apt-get install ${need_apt[*]} (this can take a few minutes)"
  export DEBIAN_FRONTEND=noninteractive
  # Only refresh the index when it has never been fetched (fresh container).
  if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' || true)" ]; then
    $SUDO apt-get update -qq
  fi
  if ! $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null; then
    log "apt-get install failed; refreshing the package index and retrying"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  fi
fi

# ---------------------------------------------------------------- already installed?
# A project-local config file and data dir: otherwise code-server writes ~/.config/code-server/config.yaml
# and ~/.local/share/code-server/coder-logs.
CONFIG="$PREFIX/config.yaml"
installed_version() {
  [ -x "$BIN" ] || return 1
  [ -f "$CONFIG" ] || printf 'bind-addr: 127.0.0.1:8080\nauth: none\ncert: false\n' >"$CONFIG"
  XDG_DATA_HOME="$PREFIX/xdg-data" "$BIN" --config "$CONFIG" --version 2>/dev/null | grep -m1 -oE '^[0-9]+\.[0-9]+\.[0-9]+' || true
}
# code-server's postinstall installs VS Code's own dependencies; without them --version works but nothing else.
VSCODE_DEPS="$PREFIX/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
if [ "$(installed_version || true)" = "$CS_VERSION" ] && [ -x "$VSCODE_DEPS" ]; then
  log "code-server $CS_VERSION already installed at $PREFIX"
  exit 0
fi

# ---------------------------------------------------------------- preconditions
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = "20" ] || die "code-server $CS_VERSION needs Node 20 (found $(node -v))"
command -v rg >/dev/null 2>&1 || die "ripgrep (rg) is required"

# ---------------------------------------------------------------- seed the ripgrep download cache
TMP_BASE="${TMPDIR:-/tmp}"
case "$(uname -m)" in
  x86_64) RG_TARGET="x86_64-unknown-linux-musl" ;;
  aarch64 | arm64) RG_TARGET="aarch64-unknown-linux-musl" ;;
  *) RG_TARGET="" ;;
esac

seed_ripgrep_cache() {
  local v="$RIPGREP_VERSION" work tag cache
  work="$(mktemp -d)"
  if ! (cd "$work" && npm pack "@vscode/ripgrep@$v" --silent >/dev/null 2>&1 && tar xzf ./*.tgz); then
    log "warning: could not fetch @vscode/ripgrep@$v to read its download settings; not seeding"
    rm -rf "$work"; return 0
  fi
  if [ ! -f "$work/package/lib/postinstall.js" ]; then
    log "@vscode/ripgrep@$v has no download step; nothing to seed"
    rm -rf "$work"; return 0
  fi
  tag="$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$work/package/lib/postinstall.js" | head -n1)"
  cache="$TMP_BASE/vscode-ripgrep-cache-$v"
  if [ -n "$tag" ] && [ -s "$cache/ripgrep-$tag-$RG_TARGET.tar.gz" ]; then
    log "ripgrep download cache already seeded: $cache"
    rm -rf "$work"; return 0
  fi
  if [ -z "$tag" ] || [ -z "$RG_TARGET" ]; then
    log "warning: unknown ripgrep tag/target for @vscode/ripgrep@$v; not seeding"
    rm -rf "$work"; return 0
  fi
  mkdir -p "$cache" "$work/rgbin"
  cp "$(command -v rg)" "$work/rgbin/rg"
  tar czf "$cache/ripgrep-$tag-$RG_TARGET.tar.gz" -C "$work/rgbin" rg
  log "seeded $cache/ripgrep-$tag-$RG_TARGET.tar.gz from $(command -v rg)"
  rm -rf "$work"
}
seed_ripgrep_cache

# ---------------------------------------------------------------- install code-server
log "installing code-server@$CS_VERSION into $PREFIX (builds native modules; several minutes on 2 cores)"
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
export npm_config_unsafe_perm=true
export npm_config_yes=true
export npm_config_audit=false
export npm_config_fund=false
export npm_config_update_notifier=false
# Build native modules against the installed Node headers instead of downloading them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
# A plain local install inside the prefix directory. Not `npm install -g --prefix`: npm exports
# non-default config (global, prefix) to lifecycle scripts, and code-server's postinstall runs a
# nested `npm install` in lib/vscode that would then reinstall into the wrong tree.
unset npm_config_global npm_config_prefix npm_config_location npm_config_local_prefix npm_config_global_prefix
printf '{ "name": "clientlog-code-server", "private": true, "description": "local VS Code for Clientlog tests" }\n' >"$PREFIX/package.json"
INSTALL_LOG="$ROOT/.vscode-test/code-server-install.log"
if ! (cd "$PREFIX" && npm install --no-package-lock --loglevel=warn "code-server@$CS_VERSION") >"$INSTALL_LOG" 2>&1; then
  grep -v -e 'TAR_ENTRY_ERROR' -e 'Unknown .* config' "$INSTALL_LOG" | tail -n 60 >&2
  die "npm install code-server@$CS_VERSION failed (full log: $INSTALL_LOG)"
fi

v="$(installed_version || true)"
[ "$v" = "$CS_VERSION" ] || { tail -n 40 "$INSTALL_LOG" >&2; die "code-server --version gave '${v:-nothing}', expected $CS_VERSION"; }
[ -x "$VSCODE_DEPS" ] || { tail -n 40 "$INSTALL_LOG" >&2; die "code-server's postinstall did not install VS Code's dependencies (no $VSCODE_DEPS); were install scripts blocked?"; }
log "code-server $(XDG_DATA_HOME="$PREFIX/xdg-data" "$BIN" --config "$CONFIG" --version | grep -m1 -E '^[0-9]') installed: $BIN"
