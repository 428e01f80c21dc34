"""GitHub Actions workflow commands, escaped as actions/toolkit does, with the per-step cap noted.

File paths are relative to ``GITHUB_WORKSPACE`` (where GitHub resolves them); when a level has
more annotations than GitHub shows, the notice with the full count comes first, since GitHub
drops the ones after the tenth of each level.
"""

from __future__ import annotations

import os

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
CAP = 10  # GitHub shows at most 10 annotations of each level per step


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(file: str) -> str:
    """``file`` relative to GITHUB_WORKSPACE when it lies inside it (else unchanged)."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace or file == "-":
        return file
    try:
        rel = os.path.relpath(os.path.realpath(os.path.abspath(file)), os.path.realpath(workspace))
    except ValueError:
        return file
    return file if rel == ".." or rel.startswith(".." + os.sep) else rel.replace(os.sep, "/")


def render(report) -> str:
    lines = []
    counts = report.summary
    if any(counts[level] > CAP for level in counts):
        total = sum(counts.values())
        text = (f"aslint found {total} findings in all ({counts['error']} errors, {counts['warning']} warnings, "
                f"{counts['info']} info); GitHub shows only {CAP} of each kind per step. "
                "See the log, the job summary or the SARIF upload for all of them.")
        lines.append(f"::notice title=aslint::{escape_data(text)}")
    ordered = sorted(report.diagnostics, key=lambda d: ({"error": 0, "warning": 1, "info": 2}[d.severity], d.sort_key()))
    from aslint.output.text_format import safe  # a name's control characters are shown escaped

    for d in ordered:
        props = [f"file={escape_property(safe(workspace_path(d.file)))}", f"line={d.line}", f"endLine={d.end_line}"]
        if d.line == d.end_line:
            props += [f"col={d.column}", f"endColumn={d.end_column}"]
        props.append(f"title={escape_property('aslint (' + d.code + ')')}")
        state = f" [{safe(d.state)}]" if d.state else ""
        lines.append(f"::{LEVEL[d.severity]} {','.join(props)}::{escape_data(d.code + ' ' + safe(d.message) + state)}")
    return "\n".join(lines) + ("\n" if lines else "")
