"""``# aslint: ignore[CODE,…]`` comments in YAML files (aws-auth, RBAC, templates, YAML definitions).

A comment at the end of a line silences the findings on that line; a comment alone on its line
silences the findings in the block below it: the next line that holds something and every line
after it indented deeper. Without ``[…]`` every code is silenced. Read once per file.
"""

from __future__ import annotations

from aslint.core import lazyre

_DIRECTIVE = lazyre.compile(r"(?:^|\s)#\s*aslint:\s*ignore(?:\[([A-Za-z0-9_,\s]*)\])?")


def _selectors(group):
    if group is None:
        return None
    return frozenset(c.strip() for c in group.split(",") if c.strip())


def ranges(text: str) -> list:
    """(first line, last line, selectors or None) for every directive, lines 1-based."""
    if "aslint:" not in text:
        return []
    lines = text.splitlines()
    out = []
    for i, line in enumerate(lines):
        if "aslint:" not in line:
            continue
        m = _DIRECTIVE.search(line)
        if m is None:
            continue
        selectors = _selectors(m.group(1))
        if line[:m.start()].strip():  # a trailing comment: this line only
            out.append((i + 1, i + 1, selectors))
            continue
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or lines[j].lstrip().startswith("#")):
            j += 1
        if j >= len(lines):
            continue
        indent = len(lines[j]) - len(lines[j].lstrip())
        k = j + 1
        while k < len(lines) and (not lines[k].strip() or len(lines[k]) - len(lines[k].lstrip()) > indent
                                  or lines[k].lstrip().startswith("#")):
            k += 1
        out.append((j + 1, k, selectors))
    return out


def ignored(doc, code: str, line: int) -> bool:
    """Is the finding ``code`` on ``line`` of ``doc``'s file silenced by a YAML comment?"""
    root = doc.root()
    if root.format != "yaml":
        return False
    cached = root.file_cache.get("yaml.ignores")  # once per file, however many documents it holds
    if cached is None:
        cached = root.file_cache["yaml.ignores"] = ranges(root.text or "")
    for first, last, selectors in cached:
        if first <= line <= last and (selectors is None or any(code.startswith(s) for s in selectors)):
            return True
    return False
