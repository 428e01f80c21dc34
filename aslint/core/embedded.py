"""Documents that live inside a string of another document, with positions mapped back.

A definition in a template's ``DefinitionString``, a Job manifest given as a string to runJob, or
the YAML list in aws-auth's ``data.mapRoles``: each is parsed as a document of its own, and its
offsets are mapped into the host file so that findings land on the exact characters the user edits.

``char_offsets(host, pointer)`` gives, for each character of the decoded string, its offset in the
host's text (one more entry for the end), or None where that cannot be known exactly (a YAML
folded scalar, say). ``OffsetMap`` concatenates such pieces (the parts of an ``Fn::Join`` or
``Fn::Sub``) and maps an inner (start, end) to the host.
"""

from __future__ import annotations

from aslint.core.document import Document
from aslint.core.pointer import resolve
from aslint.core.positions import SpanTable

_JSON_ESCAPES = {'"', "\\", "/", "b", "f", "n", "r", "t"}


def char_offsets(host: Document, pointer: str) -> list | None:
    """Host offsets of every character of the string at ``pointer`` (+ the end), or None."""
    value = resolve(host.data, pointer)
    span = host.spans.get(pointer)
    if not isinstance(value, str) or span is None:
        return None
    start, end = span.value
    raw = host.text[start:end]
    if host.format == "json" or raw.startswith('"'):
        offsets = _json_string_offsets(raw, start)
        if offsets is not None and len(offsets) == len(value) + 1:
            return offsets
        if host.format == "json":
            return None
    return _yaml_offsets(host.text, start, end, value)


def _json_string_offsets(raw: str, base: int) -> list | None:
    if len(raw) < 2 or raw[0] != '"':
        return None
    offsets = []
    i, n = 1, len(raw) - 1
    while i < n:
        ch = raw[i]
        if ch == "\\":
            nxt = raw[i + 1] if i + 1 < n else ""
            if nxt == "u":
                code = int(raw[i + 2:i + 6], 16) if i + 6 <= n else 0
                if 0xD800 <= code < 0xDC00 and raw[i + 6:i + 8] == "\\u":
                    offsets.append(base + i)
                    i += 12
                    continue
                offsets.append(base + i)
                i += 6
                continue
            if nxt in _JSON_ESCAPES:
                offsets.append(base + i)
                i += 2
                continue
            return None
        offsets.append(base + i)
        i += 1
    offsets.append(base + i)
    return offsets


def _yaml_offsets(text: str, start: int, end: int, value: str) -> list | None:
    """Find each decoded line verbatim, in order, inside the raw scalar (literal blocks, plain and
    quoted scalars without escapes). Anything else (folding, escapes) gives None."""
    raw_region = text[start:end]
    offsets: list = []
    cursor = 0
    lines = value.split("\n")
    for k, line in enumerate(lines):
        if line == "":
            at = raw_region.find("\n", cursor) if k < len(lines) - 1 else cursor
            if at == -1:
                at = cursor
            offsets.append(start + at) if k < len(lines) - 1 else None
            cursor = at + 1 if k < len(lines) - 1 else cursor
            continue
        at = raw_region.find(line, cursor)
        if at == -1:
            return None
        offsets.extend(start + at + j for j in range(len(line)))
        cursor = at + len(line)
        if k < len(lines) - 1:
            offsets.append(start + cursor)  # the newline
            nl = raw_region.find("\n", cursor)
            cursor = (nl + 1) if nl != -1 else cursor
    offsets.append(start + cursor)
    return offsets if len(offsets) == len(value) + 1 else None


class OffsetMap:
    """Maps offsets of a string assembled from pieces to offsets in the host text.

    Each piece is (text, offsets | None, fallback_span): ``offsets`` as from ``char_offsets``;
    ``fallback_span`` = host (start, end) used for pieces whose characters cannot be placed
    (``${Token}`` substitutions, ``Ref`` parts).
    """

    def __init__(self):
        self._pieces: list = []  # (inner_start, inner_end, offsets | None, fallback)
        self._length = 0
        self.text_parts: list = []

    def add(self, text: str, offsets: list | None, fallback: tuple) -> None:
        self._pieces.append((self._length, self._length + len(text), offsets, fallback))
        self._length += len(text)
        self.text_parts.append(text)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def _point(self, pos: int, is_end: bool):
        for inner_start, inner_end, offsets, fallback in self._pieces:
            if inner_start <= pos < inner_end or (is_end and pos == inner_end and pos > inner_start):
                if offsets is None:
                    return fallback[1] if is_end else fallback[0]
                return offsets[pos - inner_start]
        if self._pieces and pos >= self._length:
            last = self._pieces[-1]
            return (last[2][-1] if last[2] else last[3][1])
        return None

    def __call__(self, start: int, end: int):
        a = self._point(start, False)
        b = self._point(max(end, start), True)
        if a is None or b is None or b < a:
            return None
        return (a, b)


def string_document(host: Document, pointer: str, text: str | None = None, fmt: str | None = None,
                    to_host=None, context=None) -> tuple[list, str | None]:
    """Parse the string at ``pointer`` of ``host`` (or ``text`` with its own ``to_host``) into documents.

    Returns (documents, error message or None). Documents carry host/host_pointer/to_host.
    """
    from aslint.core.loader import parse

    if text is None:
        text = resolve(host.data, pointer)
        if not isinstance(text, str):
            return [], "not a string"
        offsets = char_offsets(host, pointer)
        to_host = (lambda s, e: (offsets[s], offsets[e]) if offsets and e < len(offsets) else None)
    if fmt is None:
        fmt = "json" if text.lstrip()[:1] in ("{", "[") else "yaml"
    docs, problem = parse(host.path, text, fmt)
    if problem is not None:
        return [], problem.message
    return embed(docs, host, pointer, to_host, context), None


def embed(docs: list, host: Document, pointer: str, to_host, context=None) -> list:
    """Make ``docs`` (parsed from the string at ``pointer`` of ``host``) documents embedded there."""
    for doc in docs:
        doc.host = host
        doc.host_pointer = pointer
        doc.to_host = to_host
        doc.parent, doc.place, doc.inline = host, pointer, False
        doc.context = dict(context or {})
    return docs


def subtree_document(host: Document, pointer: str, data=None, context=None) -> Document:
    """The object at ``pointer`` of ``host`` as a document of its own (an inline ``Definition`` or
    ``PolicyDocument`` in a template): same text, spans re-keyed, so positions need no mapping."""
    if data is None:
        data = resolve(host.data, pointer)
    spans = SubtreeSpans(host.spans, pointer)
    duplicates = [(p[len(pointer):], a, b) for p, a, b in host.duplicates if p.startswith(pointer + "/")]
    doc = Document(host.path, host.text, host.format, data, spans=spans, duplicates=duplicates,
                   doc_index=host.doc_index, context=context, lines=host.lines, file_cache=host.file_cache, parent=host, place=pointer,
                   inline=True)
    doc.origin_pointer = pointer  # where it sits in the file, for messages
    return doc


class SubtreeSpans(SpanTable):
    """The host's span table seen from ``prefix``: a lookup costs one lookup in the host, so a
    template with thousands of inline definitions does not copy its table once per definition."""

    __slots__ = ("_host", "_prefix")

    def __init__(self, host_spans, prefix: str):
        self._host = host_spans
        self._prefix = prefix

    def get(self, pointer: str, default=None):
        return self._host.get(self._prefix + pointer, default)

    def items(self):
        prefix = self._prefix
        for ptr, span in self._host.items():
            if ptr == prefix:
                yield "", span
            elif ptr.startswith(prefix + "/"):
                yield ptr[len(prefix):], span
