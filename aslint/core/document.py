"""A parsed document: data for the rules, and the lazily built table that turns pointers into positions."""

from __future__ import annotations

from aslint.core import pointer as jp
from aslint.core.positions import LineIndex, Span


class Document:
    """One JSON or YAML document of a file (a YAML file may hold several).

    ``spans`` maps JSON Pointers to offsets in ``text``; for JSON it is built on first use.
    An embedded document (a definition inside a template string) has a ``host`` document and a
    ``to_host`` function mapping its own offsets to the host's (or None when it cannot).
    """

    def __init__(self, path: str, text: str, fmt: str, data, *, spans=None, duplicates=None,
                 has_duplicates=False, doc_index: int = 0, host=None, host_pointer: str = "",
                 to_host=None, context=None, lines: LineIndex | None = None, parent=None, place: str = "",
                 inline: bool = False, file_cache: dict | None = None, from_text: bool = False):
        self.path = path
        self.text = text
        self.format = fmt  # "json" | "yaml"
        self.data = data
        self.doc_index = doc_index
        self.kind: str | None = None
        self.host = host
        self.host_pointer = host_pointer
        self.to_host = to_host
        self.context = context  # the families' declared facts (aslint.core.facts): role policies, …
        #: where an inline document (a subtree of a file's document) sits in that document
        self.origin_pointer: str | None = None
        #: the document this one is embedded in (None for a file's own documents), where in it
        #: (a JSON Pointer into the parent), and whether it is a subtree of the parent (``inline``,
        #: same text) or was parsed from the string at ``place``
        self.parent: "Document | None" = parent
        self.place = place
        self.inline = inline
        self._spans = spans
        self._duplicates = duplicates
        self._has_duplicates = has_duplicates if spans is None else bool(duplicates)
        self._lines = lines  # shared by the documents of one text (see loader.parse)
        #: the data as parsed from ``text`` (JSON only), while ``data`` is still that (see may_hold)
        self._text_data = data if from_text and fmt == "json" else None
        self.cache: dict = {}
        #: facts about the whole text, shared by every document of one file (a multi-document
        #: YAML): computed once per file, not once per document
        self.file_cache: dict = file_cache if file_cache is not None else {}

    @property
    def context(self):
        """The facts the families learned about this document (declared, typed: core.facts)."""
        return self._context

    @context.setter
    def context(self, values) -> None:
        from aslint.core.facts import Facts

        self._context = values if isinstance(values, Facts) else Facts(values)

    def may_hold(self, fragment: str) -> bool:
        """False only when no key or string of ``data`` can contain ``fragment``: the data is
        exactly what the JSON ``text`` says and the text shows no such run of characters (a JSON
        escape cannot make one: the text has no ``\\u``, and ``fragment`` none of the characters
        the other escapes write). Lets a rule skip a walk of every value (a C-speed search)."""
        if self._text_data is None or self.data is not self._text_data:
            return True  # YAML, a template's rewritten definition, …: the walk decides
        text = self.text
        if fragment in text:
            return True
        if "\\" not in text:
            return False
        return "\\u" in text or any(c in '"\\/' or c < " " for c in fragment)

    # -- positions -------------------------------------------------------------------------
    def _build(self):
        from aslint.core import jsonparse
        self._spans, self._duplicates = jsonparse.index(self.text)

    @property
    def spans(self) -> dict:
        """Pointer -> Span. For JSON without duplicate keys, found on demand (see LazySpans)."""
        if self._spans is None:
            if self._has_duplicates:
                self._build()
            else:
                from aslint.core.jsonparse import LazySpans

                # the parsed data tells which keys exist and how many children a container has
                self._spans = LazySpans(self.text) if self._text_data is None else LazySpans(self.text, self._text_data)
        return self._spans

    @property
    def duplicates(self) -> list:
        if not self._has_duplicates:
            return []
        if self._duplicates is None:
            self._build()
        return self._duplicates

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def span(self, pointer: str, target: str = "value") -> tuple[int, int]:
        """Offsets of the node at ``pointer``; a missing node falls back to its nearest ancestor's key."""
        spans = self.spans
        p = pointer
        exact = True
        while p not in spans and p:
            p = jp.parent(p)
            exact = False
        span: Span | None = spans.get(p)
        if span is None:
            return (0, 0)
        if (target == "key" or not exact) and span.key is not None:
            return span.key
        if not exact and span.key is None:
            start = span.value[0]
            return (start, start + 1)
        return span.value

    def locate(self, pointer: str, target: str = "value") -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column), 1-based, end exclusive, in the file the user edits."""
        start, end = self.span(pointer, target)
        return self.locate_offsets(start, end)

    def locate_offsets(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Like locate() for offsets of this document's text, mapped through every host (a string
        inside a string: aws-auth's mapRoles in an eks:call RequestBody string)."""
        if self.host is not None:
            mapped = self.to_host(start, end) if self.to_host else None
            if mapped is None:
                return self.host.locate(self.host_pointer, "value")
            return self.host.locate_offsets(*mapped)
        return self.lines_range(start, end)

    def lines_range(self, start: int, end: int) -> tuple[int, int, int, int]:
        line, col = self.lines.line_col(start)
        end_line, end_col = self.lines.line_col(max(end, start))
        return line, col, end_line, end_col

    def in_hosts(self, pointer: str) -> list:
        """[(document, pointer)] from this document up to its file's document: where the node at
        ``pointer`` is in each enclosing document (for a string-embedded document, the string)."""
        levels = [(self, pointer)]
        doc = self
        while doc.parent is not None:
            pointer = doc.place + pointer if doc.inline else doc.place
            doc = doc.parent
            levels.append((doc, pointer))
        return levels

    def root(self) -> "Document":
        return self.host.root() if self.host is not None else self
