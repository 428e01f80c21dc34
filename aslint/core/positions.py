"""Offsets to 1-based line/column, and the span table a parser fills in."""

from __future__ import annotations

from aslint.core import lazyre
import bisect
from itertools import accumulate, repeat
from operator import add
from aslint.core.record import dataclass

_BREAK = lazyre.compile(r"\r\n?|\n")


def _line_starts(text: str) -> list:
    if "\r" in text:
        return [0] + [m.end() for m in _BREAK.finditer(text)]
    # each line's start is the sum of the lengths of the lines before it, each plus its LF:
    # summed at C speed (no Python step per line); the last sum is past the end, not a line
    starts = list(accumulate(map(add, map(len, text.split("\n")), repeat(1)), initial=0))
    starts.pop()
    return starts


class LineIndex:
    """Turns character offsets into (line, column), both 1-based; columns count code points.

    A line ends at LF, CRLF or a lone CR (classic Mac files), as editors count them. The table of
    line starts is built on the first lookup, so one index can be shared by every document of a
    file (a multi-document YAML) at no cost to those never asked."""

    __slots__ = ("_text", "_starts_table", "_len")

    def __init__(self, text: str):
        self._text = text
        self._starts_table = None
        self._len = len(text)

    @property
    def _starts(self) -> list:
        if self._starts_table is None:
            self._starts_table = _line_starts(self._text)
            self._text = None
        return self._starts_table

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._len))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based (line, column)."""
        return self._starts[line - 1] + column - 1


@dataclass(frozen=True)
class Span:
    """Where a node sits: ``key`` is the (start, end) offsets of its key in the parent object, if any."""

    value: tuple[int, int]
    key: tuple[int, int] | None = None


class AliasSpan(Span):
    """Where a YAML alias (``*name``) sits, known by its key only: its value's text is the
    anchor's, elsewhere, so no fix is placed there."""


class SpanTable:
    """A pointer -> Span table answered by ``get`` (built on demand, or a view of another)."""

    def get(self, pointer: str, default=None):  # pragma: no cover - every table defines it
        raise NotImplementedError

    def __contains__(self, pointer) -> bool:
        return self.get(pointer) is not None

    def __getitem__(self, pointer):
        found = self.get(pointer)
        if found is None:
            raise KeyError(pointer)
        return found
