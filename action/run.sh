#!/usr/bin/env bash
# Run aslint with the action's inputs; inputs arrive through the environment, never spliced into code.
# `paths` is split like a shell would (quotes keep a path with spaces whole, no expansion runs);
# `args` may not choose the format or the output file: `format` and `sarif-file` do.
set -uo pipefail
venv="${RUNNER_TEMP:-/tmp}/aslint-venv"
aslint="$venv/bin/aslint"
split='import os, shlex, sys
try:
    words = shlex.split(os.environ.get(sys.argv[1], ""))
except ValueError as err:
    sys.exit(f"aslint action: input {sys.argv[2]!r} cannot be split into words: {err}")
sys.stdout.write("".join(w + "\0" for w in words))'
words="$(mktemp)"
trap 'rm -f "$words"' EXIT
"$venv/bin/python" -c "$split" ASLINT_PATHS paths > "$words" || exit 2
mapfile -d '' -t paths < "$words"
"$venv/bin/python" -c "$split" ASLINT_ARGS args > "$words" || exit 2
mapfile -d '' -t extra < "$words"
[ "${#paths[@]}" -gt 0 ] || paths=(.)
for word in "${extra[@]}"; do
  case "$word" in
    --format|--format=*|-o|--output|--output=*|-o?*)
      echo "::error title=aslint::the action's 'args' may not set $word: use the 'format' and 'sarif-file' inputs" >&2
      exit 2 ;;
  esac
done
status=0
if [ -n "${ASLINT_SARIF_FILE:-}" ]; then
  "$aslint" check --exit-zero "${extra[@]}" --format sarif --output "$ASLINT_SARIF_FILE" -- "${paths[@]}" || status=$?
  [ "$status" -eq 0 ] || exit "$status"
fi
"$aslint" check "${extra[@]}" --format "${ASLINT_FORMAT:-github}" -- "${paths[@]}"
