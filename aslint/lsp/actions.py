"""Edits behind the code actions: one finding's fix, every fix of a file, a suppression comment.

Edits are plain ``(start, end, text)`` offsets into the file's text (code points); the server turns
them into LSP ranges. Every edit is the byte-exact edit ``aslint check --fix`` would make.
"""

from __future__ import annotations

import json
import re

#: fixes may reveal further fixes (as in --fix); stop after this many rounds
MAX_FIX_ROUNDS = 10


def edits_of(diagnostic, table) -> list[tuple[int, int, str]]:
    """The fix of one aslint Diagnostic as offsets into the text ``table`` was built from."""
    fix = diagnostic.fix or {}
    out = []
    for e in fix.get("edits", ()):
        start = table.from_lsp(*table.to_lsp(e["line"], e["column"]))
        end = table.from_lsp(*table.to_lsp(e["end_line"], e["end_column"]))
        out.append((start, end, e["text"]))
    return out


def apply(text: str, edits) -> str:
    """Apply non-overlapping edits (an edit overlapping an earlier-applied one is skipped)."""
    out = text
    last_start = len(text) + 1
    for start, end, new in sorted(set(edits), key=lambda e: (e[0], e[1]), reverse=True):
        if end > last_start:
            continue
        out = out[:start] + new + out[end:]
        last_start = start
    return out


def fix_all(session, path: str, text: str) -> str:
    """The text after applying every fixable finding, round after round, as --fix does.

    A round whose result no longer parses (a new ASL001) is not taken.
    """
    from aslint.lsp.positions import LineTable

    current = text
    for _ in range(MAX_FIX_ROUNDS):
        linted = session.lint(path, current)
        fixable = [d for d in linted.diagnostics if d.fix and d.fix.get("edits")]
        if not fixable:
            break
        table = LineTable(current, "utf-32")
        edits = [e for d in fixable for e in edits_of(d, table)]
        candidate = apply(current, edits)
        if candidate == current:
            break
        before = sum(1 for d in linted.diagnostics if d.code == "ASL001")
        after = sum(1 for d in session.lint(path, candidate).diagnostics if d.code == "ASL001")
        if after > before:
            break
        current = candidate
    return current


def minimal_edit(old: str, new: str) -> tuple[int, int, str] | None:
    """One edit turning ``old`` into ``new``: the changed middle, common prefix and suffix kept."""
    if old == new:
        return None
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]


_DIRECTIVE = re.compile(r"aslint:\s*ignore\[([A-Za-z0-9_,\s]*)\]")


def suppression_edit(documents, diagnostic, text: str) -> tuple[int, int, str] | None:
    """Add ``aslint: ignore[CODE]`` to the Comment of the state the finding is in.

    Only for definitions that are the file itself (a JSON or YAML definition); the state is the
    one the finding names. Returns None when there is no such state.
    """
    if not diagnostic.state:
        return None
    from aslint.asl.model import model

    for doc in documents:
        if doc.kind != "asl" or doc.host is not None:
            continue
        for ref in model(doc).states:
            if ref.name != diagnostic.state or not ref.is_object:
                continue
            if not _contains(doc, ref.pointer, diagnostic):
                continue
            return _comment_edit(doc, ref, diagnostic.code, text)
    return None


def _contains(doc, pointer: str, diagnostic) -> bool:
    start, end = doc.span(pointer, "value")
    sl, sc = doc.lines.line_col(start)
    el, ec = doc.lines.line_col(end)
    return (sl, sc) <= (diagnostic.line, diagnostic.column) <= (el, ec)


def _comment_edit(doc, ref, code: str, text: str):
    from aslint.core.fixes import to_edit
    from aslint.core.finding import ValueFix

    comment = ref.node.get("Comment")
    if isinstance(comment, str):
        m = _DIRECTIVE.search(comment)
        if m:
            codes = [c.strip() for c in m.group(1).split(",") if c.strip()]
            if code in codes:
                return None
            value = comment[: m.start(1)] + ", ".join(codes + [code]) + comment[m.end(1):]
        else:
            value = (comment + " " if comment else "") + f"aslint: ignore[{code}]"
        edit = to_edit(doc, ValueFix(ref.pointer + "/Comment", value, "suppress"))
        return (edit.start, edit.end, edit.text) if edit is not None else None
    if "Comment" in ref.node:  # a Comment that is not a string: leave it to the user
        return None
    start, end = doc.span(ref.pointer, "value")
    directive = f"aslint: ignore[{code}]"
    if doc.format == "json" or text[start:start + 1] == "{":
        if text[start:start + 1] != "{":
            return None
        after = text[start + 1:end]
        gap = re.match(r"\s*", after).group(0)
        key = '"Comment"' if doc.format == "json" else "Comment"
        inline_gap = gap if gap else ("" if doc.format == "json" else " ")
        return (start + 1, start + 1, f"{inline_gap}{key}: {json.dumps(directive)},")
    # a YAML block mapping: a new first line at the column of the state's first key
    line_start = text.rfind("\n", 0, start) + 1
    indent = " " * (start - line_start)  # `- Name: …` gives the dash's column as spaces
    return (start, start, f"Comment: {json.dumps(directive)}\n{indent}")
