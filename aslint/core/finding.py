"""What rules yield (Finding: a pointer and a message) and what users see (Diagnostic: resolved)."""

from __future__ import annotations

from aslint.core import lazyre
from aslint.core.record import dataclass, field


SEVERITIES = ("error", "warning", "info")
#: a run of characters without a space longer than this is quoted as an excerpt
MAX_RUN = 80
#: no message, hint or state name is printed longer than this
MAX_TEXT = 600
_LONG_RUN = lazyre.compile(r"\S{%d,}" % (MAX_RUN + 1))


def excerpt(text: str, limit: int = MAX_RUN) -> str:
    """``text`` when short, else its start and end around an ellipsis (with its length)."""
    if len(text) <= limit:
        return text
    keep = max(limit - 20, 8)
    return f"{text[:keep * 3 // 4]}…{text[-(keep // 4):]} ({len(text):,} chars)"


def bounded(text):
    """What a diagnostic prints of a rule's text: every long unbroken run (a value, a key, a
    name quoted whole) cut to an excerpt, the whole cut at MAX_TEXT characters. A 4 MB key or a
    200 KB ARN never reaches the output whole, whichever rule quoted it."""
    if not isinstance(text, str) or len(text) <= MAX_RUN:
        return text
    text = _LONG_RUN.sub(lambda m: excerpt(m.group()), text)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Edit:
    """Replace the file's characters [start, end) with ``text`` (offsets into the file's text)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ValueFix:
    """A fix stated by a rule: put ``value`` at ``pointer`` (the core writes it in the file's style).

    With ``substring`` = (start, end), only that part of the string value is replaced by ``value``.
    """

    pointer: str
    value: Any
    description: str
    substring: tuple[int, int] | None = None


@dataclass
class Finding:
    """A rule's finding. Rules never deal with positions: the core resolves ``pointer``.

    ``target`` says which part of the node the finding is about: its ``value`` (default) or its
    ``key`` (e.g. an unknown field). ``related`` holds (pointer, message) pairs shown as SARIF
    related locations; ``path`` a list of state names for lifecycle findings (SARIF codeFlows).
    """

    pointer: str
    message: str
    target: str = "value"
    severity: str | None = None
    fix: ValueFix | None = None
    related: list = field(default_factory=list)
    path: list = field(default_factory=list)
    code: str | None = None  # set by the engine
    #: how to fix it, one short imperative sentence, shown apart from the message (ruff's "help")
    hint: str | None = None


@dataclass
class Diagnostic:
    code: str
    severity: str
    message: str
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    pointer: str
    state: str | None = None
    fix: dict | None = None
    related: list = field(default_factory=list)
    path: list = field(default_factory=list)
    edits: list = field(default_factory=list)  # resolved Edit objects, for --fix
    #: what the edits mean: (document lineage, ValueFix) pairs, checked by core.fixcheck
    intents: list = field(default_factory=list)
    hint: str | None = None

    def as_json(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "pointer": self.pointer,
            "state": self.state,
            "fix": self.fix,
            "help": self.hint,
        }

    def sort_key(self):
        return (self.file, self.line, self.column, self.code)
