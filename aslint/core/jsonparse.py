"""JSON read as JSON: values from the C decoder, spans from a small scanner run only on demand.

Clean files pay for ``json.loads`` alone. The scanner that maps every JSON Pointer to the offsets
of its key and value runs only when something has to be located (a finding, a fix, a duplicate
key), so positions cost nothing on files that have no findings. The scanner is iterative: a
10,000-level array does not exhaust Python's stack.
"""

from __future__ import annotations

from aslint.core import lazyre
import json
import re
import sys

from aslint.core.pointer import escape, unescape
from aslint.core.positions import Span, SpanTable


MAX_DEPTH = 128  # no real definition, template or policy nests this deep


class ParseError(Exception):
    """``plain``: the message says what is wrong by itself (not prefixed with "invalid JSON")."""

    def __init__(self, message: str, offset: int = 0, end: int | None = None, plain: bool = False):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.end = end
        self.plain = plain


def _digit_limit() -> int:
    get = getattr(sys, "get_int_max_str_digits", None)  # Python 3.11+; 0 means no limit
    return get() if get is not None else 0


def too_many_digits(number_text: str) -> str | None:
    """Why an integer literal is refused (more digits than Python converts), or None."""
    limit = _digit_limit()
    if not limit or len(number_text) <= limit:
        return None
    digits = sum(ch.isdigit() for ch in number_text)
    if digits <= limit:
        return None
    return (f"an integer of {digits:,} digits is longer than aslint reads ({limit:,} digits); "
            "no AWS field takes such a number: write it as a string")


def _reject_constant(name):
    raise ValueError(f"{name} is not valid JSON")


def loads(text: str):
    """Parse ``text``; returns (data, has_duplicate_keys). Raises ParseError with an offset."""
    dup = []

    def pairs(items):
        result = dict(items)
        if len(result) != len(items):
            dup.append(True)
        return result

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_stack_depth() + MAX_DEPTH + 5)
    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        msg, pos = err.msg, err.pos
        if msg.startswith("Illegal trailing comma before end of"):
            # Python 3.13 names the comma; earlier ones the bracket after it: report as they did
            pos = len(text[: pos + 1]) + (len(text[pos + 1:]) - len(text[pos + 1:].lstrip()))
            msg = "Expecting property name enclosed in double quotes" if msg.endswith("object") else "Expecting value"
        raise ParseError(_friendly(msg), pos) from None
    except RecursionError:
        raise ParseError(f"the document nests more than {MAX_DEPTH} levels deep; aslint does not analyse it", 0) from None
    except ValueError as err:  # NaN / Infinity, or an integer beyond Python's digit limit
        if "digits" in str(err):
            raise _long_integer(text) from None
        word = str(err).split(" ")[0]
        at = re.search(r"(?<![\w\"])" + re.escape(word), text)
        raise ParseError(f"{word} is not valid JSON: use a number or a string", at.start() if at else 0) from None
    finally:
        sys.setrecursionlimit(limit)
    return data, bool(dup)


def _value_end(text: str, container_end: int) -> int:
    """Where the last value of a container ending at ``container_end`` ends (before whitespace)."""
    i = container_end - 2  # the character before the closing bracket
    while i > 0 and text[i] in " \t\n\r":
        i -= 1
    return i + 1


def prefix_of(pointer: str) -> str:
    return pointer[: pointer.rfind("/")]


def _long_integer(text: str) -> ParseError:
    """The error for the first integer token of ``text`` that is too long to convert."""
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0] != '"' and too_many_digits(tok):
            return ParseError(too_many_digits(tok), m.start(), m.end(), plain=True)
    return ParseError("an integer is longer than aslint reads", 0, plain=True)


def _stack_depth() -> int:
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


def _friendly(msg: str) -> str:
    hints = {
        "Expecting ',' delimiter": "expected ',' between items (a comma is missing, or a bracket is not closed)",
        "Expecting property name enclosed in double quotes": "expected a key in double quotes (a trailing comma, or a single-quoted key?)",
        "Expecting value": "expected a value",
        "Extra data": "extra data after the end of the document",
        "Unterminated string starting at": "string is not closed",
        "Invalid control character at": "control character inside a string (escape it, e.g. \\n)",
    }
    for prefix, text in hints.items():
        if msg.startswith(prefix):
            return text
    return msg


_TOKEN = lazyre.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.S)


def index(text: str):
    """Map every JSON Pointer in ``text`` (already known to parse) to its Span.

    Returns (spans, duplicates) where duplicates lists (pointer, span_of_repeat, span_of_first).
    """
    spans: dict[str, Span] = {}
    duplicates: list[tuple[str, Span, Span]] = []
    # frame: [pointer, is_list, next_index, key, key_span, seen(dict key->span), start, own key_span]
    stack: list[list] = []
    expect_key = False
    loads = json.loads
    for m in _TOKEN.finditer(text):
        tok = m.group()
        first = tok[0]
        start = m.start()
        if first == '"' and expect_key:
            key = loads(tok) if "\\" in tok else tok[1:-1]
            frame = stack[-1]
            kspan = (start, m.end())
            seen = frame[5]
            if key in seen:
                duplicates.append((frame[0] + "/" + escape(key), Span(kspan, kspan), Span(seen[key], seen[key])))
            seen[key] = kspan
            frame[3] = key
            frame[4] = kspan
            expect_key = False
            continue
        if first == ":":
            continue
        if first == ",":
            if stack and not stack[-1][1]:
                expect_key = True
            continue
        if first == "}" or first == "]":
            frame = stack.pop()
            spans[frame[0]] = Span((frame[6], m.end()), frame[7])
            expect_key = False
            continue
        if not stack:
            pointer, key_span = "", None
        else:
            frame = stack[-1]
            if frame[1]:
                pointer, key_span = frame[0] + "/" + str(frame[2]), None
                frame[2] += 1
            else:
                pointer, key_span = frame[0] + "/" + escape(frame[3]), frame[4]
        if first == "{" or first == "[":
            is_list = first == "["
            stack.append([pointer, is_list, 0, None, None, {}, start, key_span])
            expect_key = not is_list
        else:
            spans[pointer] = Span((start, m.end()), key_span)
    return spans, duplicates


_WS = lazyre.compile(r"[ \t\n\r]*")
_STRING = lazyre.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)


_MISSING = object()


class LazySpans(SpanTable):
    """Spans found on demand: only the containers on the way to a requested pointer are opened.

    Siblings are skipped with the C scanner (``json`` parses each skipped value at C speed), so
    locating a few findings in a 5 MB definition costs a few C-speed passes over the big top-level
    containers instead of a Python-speed scan of every token. ``items()`` builds the full table.

    Given ``data`` (what ``text`` parses to, without repeated keys), less is scanned: a pointer
    the data does not have is answered without opening anything; a container is opened only up
    to the child asked for (and resumed from there); the last child of a container ends where
    the container's closing bracket begins, so it is never scanned (``States``, the last key of
    most definitions, costs nothing to pass); and the last key of an object of many keys (the
    last state) is found by searching back from there (see :meth:`_last_key`), without opening
    its earlier siblings.
    """

    def __init__(self, text: str, data=_MISSING):
        self.text = text
        self._scan = json.scanner.make_scanner(json.JSONDecoder())
        self._spans: dict = {}
        self._opened: set = set()
        self._full: dict | None = None
        self._nodes = None if data is _MISSING else {"": data}  # pointer -> data node (as asked)
        self._resume: dict = {}  # pointer of a partly opened container -> (offset, index) of its next child
        # the text parsed as JSON (a document's spans are asked only then): one value between
        # optional JSON whitespace, so the root's span needs no scan of the text
        start = _WS.match(text, 0).end()
        self._spans[""] = Span((start, max(start, len(text.rstrip(" \t\n\r")))), None)

    def _node(self, pointer: str):
        """The data at ``pointer`` (a canonical one: as this table spells its pointers), or _MISSING."""
        found = self._nodes.get(pointer, _MISSING)
        if found is not _MISSING or pointer == "":
            return found
        cut = pointer.rfind("/")
        holder, token = self._node(pointer[:cut]), pointer[cut + 1:]
        if isinstance(holder, dict):
            key = unescape(token)
            found = holder[key] if key in holder and escape(key) == token else _MISSING
        elif isinstance(holder, list):
            found = holder[int(token)] if token.isdigit() and str(int(token)) == token and int(token) < len(holder) else _MISSING
        if found is not _MISSING:
            self._nodes[pointer] = found
        return found

    def _open(self, pointer: str, want: str | None = None) -> None:
        """Record the children of the container at ``pointer`` in order, from where an earlier
        call stopped; stop once the child ``want`` is recorded (the rest waits for a later call)."""
        span = self._spans.get(pointer)
        if span is None:
            self._opened.add(pointer)
            return
        text, scan, spans = self.text, self._scan, self._spans
        ws, string, size = _WS.match, _STRING.match, len(text)
        i = span.value[0]
        opener = text[i]
        if opener not in "{[":
            self._opened.add(pointer)
            return
        count = -1  # children of the container, when the data says (the last one is not scanned)
        if self._nodes is not None:
            node = self._node(pointer)
            if isinstance(node, dict if opener == "{" else list):
                count = len(node)
        i, index = self._resume.pop(pointer, None) or (ws(text, i + 1).end(), 0)
        prefix = pointer + "/"
        while i < size and text[i] not in "}]":
            key_span = None
            if opener == "{":
                m = string(text, i)
                if m is None:
                    break
                after = m.end()
                raw = text[i + 1:after - 1]
                key = json.loads(text[i:after]) if "\\" in raw else raw
                key_span = (i, after)
                i = ws(text, ws(text, after).end() + 1).end()  # past ':'
                child = prefix + escape(key)
            else:
                child = prefix + str(index)
            if index == count - 1:
                end = _value_end(text, span.value[1])
            else:
                try:
                    _, end = scan(text, i)
                except (StopIteration, ValueError):
                    break
            spans[child] = Span((i, end), key_span)
            index += 1
            i = ws(text, end).end()
            if i < size and text[i] == ",":
                i = ws(text, i + 1).end()
            if child == want and index != count:
                self._resume[pointer] = (i, index)
                return
        self._opened.add(pointer)

    def _many(self, pointer: str) -> bool:
        """The container has so many children that parsing its last one (to find it from the
        end) costs less than passing the others (a few: pass them, the last one is never parsed)."""
        node = self._node(pointer)
        return isinstance(node, dict) and len(node) > 16

    def _last_key(self, pointer: str, child: str) -> bool:
        """Find ``child``, the last key of the object at ``pointer``, searching back from the end.

        The last value ends where the object's closing brace (less whitespace) begins. A candidate
        is the key's JSON spelling after '{' or ',': a real string (its first character cannot
        follow a closing quote), so a key of some object, followed by ':'. Its value, parsed, ends
        exactly there only if the key is the object's own: a value nested deeper ends before the
        brace of the object holding it. False (nothing recorded) when the search gives up."""
        span = self._spans.get(pointer)
        node = self._node(pointer)
        text = self.text
        start, close = span.value
        if text[start] != "{" or not isinstance(node, dict) or not node:
            return False
        key = next(reversed(node))
        if prefix_of(child) != pointer or escape(key) != child[len(pointer) + 1:]:
            return False
        raw = json.dumps(key, ensure_ascii=False)
        if raw[1] in " \t\n\r:,}]":
            return False  # could continue a string that closes just before: not judged here
        end = _value_end(text, close)
        ws, limit = _WS.match, end
        for _attempt in range(8):
            at = text.rfind(raw, start, limit)
            if at == -1:
                return False
            limit = at + len(raw) - 1  # the next search: an earlier occurrence
            before = at - 1
            while before > start and text[before] in " \t\n\r":
                before -= 1
            if text[before] not in "{,":
                continue
            after = at + len(raw)
            colon = ws(text, after).end()
            if colon >= len(text) or text[colon] != ":":
                continue
            value = ws(text, colon + 1).end()
            try:
                _, value_end = self._scan(text, value)
            except (StopIteration, ValueError):
                continue
            if value_end == end:
                self._spans[child] = Span((value, value_end), (at, after))
                return True
        return False

    def get(self, pointer: str, default=None):
        if self._full is not None:
            return self._full.get(pointer, default)
        spans = self._spans
        found = spans.get(pointer)
        if found is not None or pointer == "":
            return found if found is not None else default
        if self._nodes is not None and self._node(pointer) is _MISSING:
            return default  # not in the data, so not in the text
        # find every ancestor, root first, until the pointer is known or a step is missing
        cut = 0
        while True:
            cut = pointer.find("/", cut + 1)
            ancestor = pointer if cut == -1 else pointer[:cut]
            if ancestor not in spans:
                parent = ancestor[: ancestor.rfind("/")]
                if parent not in self._opened:
                    if not (self._nodes is not None and parent in spans and self._many(parent)
                            and self._last_key(parent, ancestor)):
                        self._open(parent, ancestor)
                if ancestor not in spans:
                    return default
            if cut == -1:
                return spans[ancestor]

    def items(self):
        if self._full is None:
            self._full = index(self.text)[0]
        return self._full.items()
