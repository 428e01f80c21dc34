"""Offsets to 1-based line/column, and the span table a parser fills in."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


class LineIndex:
    """Turns character offsets into (line, column), both 1-based; columns count code points."""

    def __init__(self, text: str):
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts
        self._len = len(text)

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
