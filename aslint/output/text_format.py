"""``path:line:col: CODE message [state]``: the gcc convention editors and problem matchers read.

On a terminal each finding's hint (how to fix it) follows on an indented ``help:`` line, as in
ruff; piped or written to a file, the output keeps one line per finding.
"""

from __future__ import annotations

import re

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"
_CYAN_BOLD = "\033[1;36m"


#: what a file name, message or state name may not print as itself: C0/C1 controls (newlines,
#: ESC of ANSI/OSC sequences), line separators and bidirectional overrides
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape_char(m) -> str:
    ch = m.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def safe(text) -> str:
    """``text`` printable on one line of a terminal or a CI log: control characters escaped, so a
    state name cannot start a line of its own (``::error``), move the cursor or set a title."""
    if not text:
        return text or ""
    return _UNSAFE.sub(_escape_char, text)


def render(report) -> str:
    if report.statistics:  # the table alone, as ruff prints it
        table = _statistics(report)
        return "\n".join(table) + "\n" if table else ""
    color = report.color
    lines = []
    for d in report.diagnostics:
        state = f" [{safe(d.state)}]" if d.state else ""
        code = f"{_COLORS[d.severity]}{d.code}{_RESET}" if color else d.code
        where = f"{_BOLD}{safe(d.file)}{_RESET}" if color else safe(d.file)
        lines.append(f"{where}:{d.line}:{d.column}: {code} {safe(d.message)}{state}")
        if d.hint and getattr(report, "hints", False):
            lines.append(f"  {_CYAN_BOLD if color else ''}help{_RESET if color else ''}: {safe(d.hint)}")
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
    """The closing line. "All checks passed" only when at least one file was checked and every
    path could be read: in CI a silent pass is worse than a crash."""
    s = report.summary
    total = sum(s.values())
    problems = len(getattr(report, "problems", None) or ())
    fixed = getattr(report, "fixed_count", 0)
    unread = f"; {problems} path(s) could not be read (see above)" if problems else ""
    if total == 0 and fixed:
        return f"Found {fixed} finding(s) in {report.files} file(s) ({fixed} fixed, 0 remaining){unread}."
    if total == 0:
        if report.files == 0:
            skipped = getattr(report, "skipped", 0)
            why = f" ({skipped} file(s) skipped; -v says why)" if skipped else ""
            return f"No state machine definition, IAM policy, manifest or template found{why}{unread}."
        if problems:
            return f"No findings in {report.files} file(s){unread}."
        return f"All checks passed: {report.files} file(s) checked."
    parts = [f"{s[k]} {k}{'s' if s[k] != 1 and k != 'info' else ''}" for k in ("error", "warning", "info") if s[k]]
    if fixed:
        return f"Found {total + fixed} finding(s) in {report.files} file(s) ({fixed} fixed, {total} remaining): {', '.join(parts)}{unread}."
    fixable = sum(1 for d in report.diagnostics if d.fix)
    tail = f"; {fixable} fixable with --fix" if fixable and not report.fixed else ""
    return f"Found {total} finding(s) in {report.files} file(s): {', '.join(parts)}{tail}{unread}."
