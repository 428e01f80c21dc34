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

    A line ends at LF, CRLF or a lone CR (classic Mac files), as editors count them. Nothing is
    built before the first lookup, so one index can be shared by every document of a file (a
    multi-document YAML) at no cost to those never asked. For a text of LF line ends a lookup
    counts the line ends in its block of the text at C speed, from a table of counts per block,
    so a few findings in a 5 MB definition do not cost a table of every line start."""

    __slots__ = ("_text", "_starts_table", "_len", "_blocks", "_block_last")

    def __init__(self, text: str):
        self._text = text
        self._starts_table = None
        self._len = len(text)
        self._blocks = None  # line ends before each block of BLOCK characters (LF-only texts)
        self._block_last = None  # offset of the last line end before each block (-1: none)

    @property
    def _starts(self) -> list:
        if self._starts_table is None:
            self._starts_table = _line_starts(self._text)
        return self._starts_table

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._len))
        if self._starts_table is None:
            if self._blocks is None:
                if "\r" in self._text:
                    self._blocks = False  # CR line ends: the table of line starts
                else:
                    self._index_blocks()
            if self._blocks is not False:
                text, k = self._text, offset // BLOCK
                begin = k * BLOCK
                last = text.rfind("\n", begin, offset)
                if last == -1:
                    last = self._block_last[k]
                return self._blocks[k] + text.count("\n", begin, offset) + 1, offset - last
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def _index_blocks(self) -> None:
        text, counts, lasts = self._text, [0], [-1]
        count, last = 0, -1
        for begin in range(0, self._len, BLOCK):
            end = begin + BLOCK
            count += text.count("\n", begin, end)
            found = text.rfind("\n", begin, end)
            if found != -1:
                last = found
            counts.append(count)
            lasts.append(last)
        self._blocks, self._block_last = counts, lasts

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based (line, column)."""
        return self._starts[line - 1] + column - 1


#: characters per block of :class:`LineIndex` (a lookup counts line ends in at most this many)
BLOCK = 4096


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
