#!/usr/bin/env bash
# Installs the real-editor test tools (npm run test:setup; CI on a fresh Debian 12 as root). Safe to run twice.
# Offline-safe: only Debian apt and the npm registry are reachable, so nothing here downloads an editor build.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."   # repo root: every path below is relative to it
CS_VERSION=4.100.3   # real VS Code 1.100.3; the last code-server whose engines.node is 20 (4.103+ needs Node 22)
CS_DEST=.vscode-test/code-server
CS_BIN=$CS_DEST/node_modules/.bin/code-server
CACHE=$(realpath -m .cs-cache)   # gitignored scratch for npm's TMPDIR and code-server's XDG dirs
log() { printf '[test:setup] %s\n' "$*"; }

# 1. Debian packages: chromium (headless browser for code-server), ripgrep (seeds code-server's rg download),
#    libkrb5-dev (gssapi headers for code-server's kerberos addon), neovim (second LSP client), and
#    build-essential + python3 because code-server's native addons (node-pty, kerberos, spdlog) compile on install.
PKGS=(chromium ripgrep libkrb5-dev neovim build-essential python3)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  log "apt: ${PKGS[*]} already installed"
else
  [ "$(id -u)" -eq 0 ] || { log "apt: need root to install ${missing[*]}"; exit 1; }
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q "${missing[@]}" >/dev/null
  log "apt: done"
fi

# 2. code-server into .vscode-test/code-server (stands in for the desktop VS Code that test-electron cannot download).
if [ -x "$CS_BIN" ]; then
  log "code-server: already installed ($CS_BIN)"
else
  log "code-server: installing $CS_VERSION into $CS_DEST (about a minute, 300 MB)"
  # @vscode/ripgrep's postinstall downloads rg from api.github.com unless $TMPDIR/vscode-ripgrep-cache-1.15.11/
  # already holds the archive: seed that cache with Debian's rg.
  mkdir -p "$CACHE/vscode-ripgrep-cache-1.15.11" "$CS_DEST"
  tar czf "$CACHE/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which would prompt and abort.
  # npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
  TMPDIR="$CACHE" npm_config_yes=true npm_config_unsafe_perm=true \
    npm install --prefix "$CS_DEST" --no-save --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION"
  log "code-server: done"
fi

# 3. Smoke check; XDG_* keep code-server from writing into ~/.config.
log "code-server: $(XDG_CONFIG_HOME="$CACHE/xdg" XDG_DATA_HOME="$CACHE/xdg" "$CS_BIN" --version | tail -1)"
log "nvim: $(nvim --version | head -1)"
log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
log "ready: run node test/editors/run-all.mjs"
