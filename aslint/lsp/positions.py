"""aslint counts columns in code points (1-based, end exclusive); LSP counts in the negotiated
position encoding (UTF-16 code units unless the client offers UTF-32 or UTF-8), 0-based."""

from __future__ import annotations


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineTable:
    """The lines of one text, for converting positions both ways."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.encoding = encoding
        self.lines = text.splitlines(keepends=True) or [""]
        self.starts = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line)
        self.length = offset

    def _line(self, index: int) -> str:
        if 0 <= index < len(self.lines):
            return self.lines[index].rstrip("\r\n")
        return ""

    def to_lsp(self, line: int, column: int) -> tuple[int, int]:
        """aslint (1-based line, 1-based code-point column) -> LSP (line, character)."""
        index = max(line - 1, 0)
        text = self._line(index)
        return index, _units(text[: max(column - 1, 0)], self.encoding)

    def from_lsp(self, line: int, character: int) -> int:
        """LSP (line, character) -> offset (code points) into the text."""
        if line >= len(self.lines):
            return self.length
        text = self._line(line)
        count = 0
        for i, ch in enumerate(text):
            if count >= character:
                return self.starts[line] + i
            count += _units(ch, self.encoding)
        return self.starts[line] + len(text)

    def offset_to_lsp(self, offset: int) -> tuple[int, int]:
        import bisect

        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        column = offset - self.starts[index] + 1
        return self.to_lsp(index + 1, column)
