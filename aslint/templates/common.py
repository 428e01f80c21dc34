"""Shared by the template formats: the per-document analysis, and parsing an assembled string
into definition Documents whose positions map back into the template."""

from __future__ import annotations

import functools

from aslint.core.loader import parse

ANALYSIS = "tpl.analysis"


def analysed(fill):
    """Make an extractor from ``fill(doc, result)``: the document is analysed once into an
    ``Analysis`` cached on it (where the TPL rules read it), and its documents are returned."""

    @functools.wraps(fill)
    def extract(doc) -> list:
        result = doc.cache.get(ANALYSIS)
        if result is None:
            result = doc.cache[ANALYSIS] = Analysis()
            fill(doc, result)
        return result.documents

    return extract


class Problem:
    """A template-level finding: a TPL code, a pointer into the template, a message."""

    __slots__ = ("code", "pointer", "message", "target", "document", "hint")

    def __init__(self, code: str, pointer: str, message: str, target: str = "value", document=None, hint: str | None = None):
        self.code = code
        self.pointer = pointer
        self.message = message
        self.target = target
        self.document = document  # where the pointer is, when not the template's own document
        self.hint = hint


class Analysis:
    def __init__(self):
        self.problems: list = []
        self.machines: list = []  # (logical name, pointer, [definition Documents])
        self.documents: list = []  # everything the extractor yields

    def add(self, code, pointer, message, target="value", hint=None, document=None):
        self.problems.append(Problem(code, pointer, message, target, document, hint))


def is_definition(data) -> bool:
    return isinstance(data, dict) and "StartAt" in data and isinstance(data.get("States"), dict)


def incomplete_reason(data) -> str:
    if not isinstance(data, dict):
        return f"the definition is a {type(data).__name__}, not an object with StartAt and States"
    missing = [k for k in ("StartAt", "States") if k not in data]
    if missing:
        return "the definition has no " + " and no ".join(missing)
    return "the definition's States is not an object"


def parse_string(host, pointer: str, text: str, to_host, context: dict, fmt: str | None = None):
    """Documents parsed from ``text`` (an assembled definition), or (None, message with position)."""
    if fmt is None:
        fmt = "json" if text.lstrip()[:1] in ("{", "[") else "yaml"
    docs, problem = parse(host.path, text, fmt)
    if problem is not None:
        where = ""
        mapped = to_host(problem.offset, problem.offset + 1) if to_host else None
        if mapped is not None:
            line, col = host.root().lines.line_col(mapped[0])
            where = f" (at line {line}, column {col})"
        else:
            # where in the assembled string: line/column of the definition itself
            before = text[:problem.offset]
            where = f" (line {before.count(chr(10)) + 1}, column {problem.offset - (before.rfind(chr(10)) + 1) + 1} of the assembled definition)"
        return None, problem.message + where
    from aslint.core.embedded import embed

    return embed(docs, host, pointer, to_host, context), None


def move_duplicates(host, prefix: str) -> None:
    """A subtree document reports its own duplicate keys (with the state's name); the template's
    document must not report them a second time."""
    if not host.duplicates:
        return
    host._duplicates = [d for d in host.duplicates if not d[0].startswith(prefix + "/")]
    host._has_duplicates = bool(host._duplicates)
