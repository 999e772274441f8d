#!/usr/bin/env bash
# usage: run-ext-tests.sh <extDevPath> <extTestsPath.js> <workspaceFolder>  (exit code = the tests')
# code-server takes the test paths through the page URL's `payload`, not its command line: cs-run-tests.js does that.
set -euo pipefail
HERE=$(dirname "$(realpath "$0")")
exec "$HERE/with-code-server.sh" node "$HERE/cs-run-tests.js" "$(realpath "$1")" "$(realpath "$2")" "$(realpath "$3")"
