"""``path:line:col: CODE message [state]``: the gcc convention editors and problem matchers read."""

from __future__ import annotations

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def render(report) -> str:
    color = report.color
    lines = []
    for d in report.diagnostics:
        state = f" [{d.state}]" if d.state else ""
        code = f"{_COLORS[d.severity]}{d.code}{_RESET}" if color else d.code
        where = f"{_BOLD}{d.file}{_RESET}" if color else d.file
        lines.append(f"{where}:{d.line}:{d.column}: {code} {d.message}{state}")
    if report.statistics:
        lines.extend(_statistics(report))
    if not report.quiet or report.diagnostics:
        lines.append(_summary(report))
    return "\n".join(lines) + "\n" if lines else ""


def _statistics(report):
    counts = {}
    for d in report.diagnostics:
        counts[d.code] = counts.get(d.code, 0) + 1
    out = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        doc = report.ruleset.docs.get(code)
        out.append(f"{n:6d}  {code}  {doc.name if doc else ''}")
    return out


def _summary(report) -> str:
    s = report.summary
    total = sum(s.values())
    if total == 0:
        return f"All checks passed: {report.files} file(s) checked."
    parts = [f"{s[k]} {k}{'s' if s[k] != 1 and k != 'info' else ''}" for k in ("error", "warning", "info") if s[k]]
    fixable = sum(1 for d in report.diagnostics if d.fix)
    tail = f"; {fixable} fixable with --fix" if fixable and not report.fixed else ""
    return f"Found {total} finding(s) in {report.files} file(s): {', '.join(parts)}{tail}."
