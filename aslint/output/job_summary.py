"""The GitHub Actions job summary (``$GITHUB_STEP_SUMMARY``): counts per code, the top findings
with links, and for each lifecycle finding a Mermaid flowchart of the states on its leak path.

GitHub renders Markdown there, Mermaid code blocks included
(https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions#adding-a-job-summary,
https://docs.github.com/en/get-started/writing-on-github/working-with-advanced-formatting/creating-diagrams).
A step's summary is capped at 1 MiB, so the lists and charts are bounded.
"""

from __future__ import annotations

import os

TOP = 20  # findings listed
CHARTS = 10  # lifecycle charts drawn
CHART_STATES = 25  # states drawn on one path (the ones nearest the leak)
_RANK = {"error": 0, "warning": 1, "info": 2}


def _cell(text: str) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def _file_link(d) -> str:
    from aslint.output.github_format import workspace_path

    path = workspace_path(d.file)
    server, repo, sha = (os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    label = f"{path}:{d.line}:{d.column}"
    if server and repo and sha and not os.path.isabs(path) and path != "-":
        from urllib.parse import quote

        return f"[{_cell(label)}]({server}/{repo}/blob/{sha}/{quote(path)}#L{d.line})"
    return f"`{_cell(label)}`"


def _mermaid_label(name: str) -> str:
    name = name if len(name) <= 60 else name[:57] + "…"
    return '"' + name.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;") + '"'


def mermaid(path: list) -> str:
    """A left-to-right flowchart of the states on a leak path; the leaking state is highlighted."""
    names = [str(n) for n in path]
    cut = len(names) > CHART_STATES
    if cut:
        names = names[-CHART_STATES:]
    lines = ["flowchart LR"]
    ids = [f"s{i}" for i in range(len(names))]
    if cut:
        lines.append('  more(["…"])')
    for ident, name in zip(ids, names):
        lines.append(f"  {ident}[{_mermaid_label(name)}]")
    lines.append('  leak(("still exists"))')
    chain = (["more"] if cut else []) + ids + ["leak"]
    for a, b in zip(chain, chain[1:]):
        lines.append(f"  {a} --> {b}")
    lines.append("  classDef leaking fill:#fdd,stroke:#c00,stroke-width:2px")
    lines.append(f"  class {ids[-1] if ids else 'leak'},leak leaking")
    lines.append(f"  linkStyle {len(chain) - 2} stroke:#c00,stroke-width:2px")
    return "\n".join(lines)


def render(report) -> str:
    diagnostics = sorted(report.diagnostics, key=lambda d: (_RANK[d.severity], d.sort_key()))
    s = report.summary
    out = ["## aslint", ""]
    if not diagnostics:
        out.append(f"No findings in {report.files} file(s).")
        return "\n".join(out) + "\n"
    out.append(f"{sum(s.values())} finding(s) in {report.files} file(s): "
               f"{s['error']} error(s), {s['warning']} warning(s), {s['info']} info.")
    out += ["", "| code | rule | severity | count |", "|---|---|---|---:|"]
    counts: dict = {}
    for d in diagnostics:
        counts.setdefault(d.code, [d.severity, 0])[1] += 1
    docs = report.ruleset.docs
    for code, (severity, n) in sorted(counts.items(), key=lambda kv: (_RANK[kv[1][0]], -kv[1][1], kv[0])):
        doc = docs.get(code)
        name = doc.name if doc else ""
        link = f"[{code}]({doc.help_uri})" if doc and doc.help_uri else code
        out.append(f"| {link} | {_cell(name)} | {severity} | {n} |")
    out += ["", f"### Top findings{f' (first {TOP} of {len(diagnostics)})' if len(diagnostics) > TOP else ''}", ""]
    for d in diagnostics[:TOP]:
        state = f" [{_cell(d.state)}]" if d.state else ""
        out.append(f"- **{d.severity}** {d.code} {_file_link(d)}: {_cell(d.message)}{state}")
    leaks = [d for d in diagnostics if d.code.startswith("LCY") and d.path]
    if leaks:
        out += ["", "### Lifecycle paths", ""]
        for d in leaks[:CHARTS]:
            out += [f"{d.code} {_file_link(d)}{(' [' + _cell(d.state) + ']') if d.state else ''}", "",
                    "```mermaid", mermaid(d.path), "```", ""]
        if len(leaks) > CHARTS:
            out.append(f"({len(leaks) - CHARTS} more lifecycle finding(s) in the log.)")
    return "\n".join(out).rstrip("\n") + "\n"


def write(report) -> None:
    """Append the summary to $GITHUB_STEP_SUMMARY; a failure to write is reported, never fatal."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(render(report))
    except OSError as err:
        import sys

        sys.stderr.write(f"aslint: cannot write the job summary to {target}: {err.strerror or err}\n")
