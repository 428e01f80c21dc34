#!/usr/bin/env bash
# Run aslint with the action's inputs; inputs arrive through the environment, never spliced into code.
set -uo pipefail
venv="${RUNNER_TEMP:-/tmp}/aslint-venv"
aslint="$venv/bin/aslint"
read -r -a paths <<< "${ASLINT_PATHS:-.}"
read -r -a extra <<< "${ASLINT_ARGS:-}"
status=0
if [ -n "${ASLINT_SARIF_FILE:-}" ]; then
  "$aslint" check --format sarif --output "$ASLINT_SARIF_FILE" --exit-zero "${extra[@]}" "${paths[@]}" || status=$?
  [ "$status" -eq 0 ] || exit "$status"
fi
"$aslint" check --format "${ASLINT_FORMAT:-github}" "${extra[@]}" "${paths[@]}"
