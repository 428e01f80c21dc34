"""The stable machine format: exactly one JSON object (documented in docs/json-format.md)."""

from __future__ import annotations

import json


def render(report) -> str:
    return json.dumps({
        "version": 1,
        "files": report.files,
        "diagnostics": [d.as_json() for d in report.diagnostics],
        "summary": report.summary,
    }, indent=2, ensure_ascii=False) + "\n"
