#!/usr/bin/env bash
# Stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }): no desktop VS Code
# can be downloaded here, so turn its command line into a code-server run driven by headless Chromium.
DEV= TESTS= WS=
for a in "$@"; do
  case "$a" in
    --extensionDevelopmentPath=*) DEV=${a#*=} ;;
    --extensionTestsPath=*) TESTS=${a#*=} ;;
    --*) ;;                      # --no-sandbox, --user-data-dir=..., ... have no code-server meaning here
    *) [ -z "$WS" ] && WS=$a ;;  # the first positional argument is the folder to open
  esac
done
exec "$(dirname "$(realpath "$0")")/run-ext-tests.sh" "$DEV" "$TESTS" "${WS:-$DEV}"
