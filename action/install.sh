#!/usr/bin/env bash
# Install aslint into its own virtual environment (avoids PEP 668 "externally managed" errors).
set -euo pipefail
venv="${RUNNER_TEMP:-/tmp}/aslint-venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$ASLINT_ACTION_PATH"
echo "$venv/bin" >> "${GITHUB_PATH:-/dev/null}"
