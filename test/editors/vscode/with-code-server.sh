#!/usr/bin/env bash
# usage: [CS_SETTINGS=<user settings JSON>] with-code-server.sh <command...>
# Starts an isolated code-server, runs the command with CS_URL set, then stops code-server and everything it
# started (extension host, language servers). Exits with the command's exit code.
set -euo pipefail
ROOT=$(realpath "$(dirname "$(realpath "$0")")/../../..")
CS=${CODE_SERVER:-$ROOT/.vscode-test/code-server/node_modules/.bin/code-server}
[ -x "$CS" ] || { echo "code-server not found at $CS: run \`npm run test:setup\`" >&2; exit 3; }
# A free port unless one is given, so parallel runs and other local servers do not collide.
PORT=${PORT:-$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
# code-server and Chromium write into ~/.config, ~/.local/share and /tmp unless pointed at a run folder.
RUN=$(mktemp -d); mkdir "$RUN/tmp"
export TMPDIR=$RUN/tmp XDG_CONFIG_HOME=$RUN/cfg XDG_DATA_HOME=$RUN/data XDG_CACHE_HOME=$RUN/cache
# User settings for this run (JSON), e.g. to run an extension in the browser's web worker extension host.
if [ -n "${CS_SETTINGS:-}" ]; then mkdir -p "$RUN/ud/User"; printf '%s' "$CS_SETTINGS" >"$RUN/ud/User/settings.json"; fi
setsid "$CS" --bind-addr 127.0.0.1:$PORT --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --user-data-dir "$RUN/ud" --extensions-dir "$RUN/ext" >"$RUN/cs.log" 2>&1 &
CS_PID=$!   # = process group id (setsid): killing the group also stops the extension host and language servers
cleanup() {
  local status=$?
  # A failed run shows the language server's side: the extension's Output channel (Postmortem), as VS Code logged it.
  if [ "$status" -ne 0 ]; then
    find "$RUN/ud/logs" -name '*Postmortem*.log' 2>/dev/null | while read -r log; do
      echo "--- last lines of $(basename "$log") (the Postmortem output channel) ---" >&2; tail -n 40 "$log" >&2
    done
  fi
  kill -- -$CS_PID 2>/dev/null || true
  for _ in $(seq 50); do kill -0 -- -$CS_PID 2>/dev/null || break; sleep 0.1; done
  kill -9 -- -$CS_PID 2>/dev/null || true; rm -rf "$RUN"
}
trap cleanup EXIT
# Poll for readiness (not for results) with node: a fresh Debian image has no curl.
HEALTHY='require("http").get(process.argv[1],(r)=>process.exit(r.statusCode===200?0:1)).on("error",()=>process.exit(1))'
until node -e "$HEALTHY" "http://127.0.0.1:$PORT/healthz"; do
  kill -0 $CS_PID 2>/dev/null || { cat "$RUN/cs.log" >&2; exit 2; }; sleep 0.1; done
export CS_URL=http://127.0.0.1:$PORT
"$@"
