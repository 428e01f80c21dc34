"""Intrinsic function calls (``States.Format('{}', $.x)``): a tokenizer, a parser and their facts.

``parse(text)`` returns a :class:`Call` tree or raises :class:`IntrinsicSyntaxError` with the
offset of the problem. Grammar (asl-facts.md §6)::

    call     := NAME '(' [ arg { ',' arg } ] ')'         NAME = 'States.' identifier
    arg      := string | number | 'true' | 'false' | 'null' | path | call
    string   := "'" { char | '\\' char } "'"     (documented escapes: \\' \\{ \\} \\\\)
    path     := '$' … (up to the next ',' or ')' outside brackets and quotes)

Whitespace is allowed between tokens. The parser is iterative over the text (one pass) and
recursive only in call nesting, which it bounds.
"""

from __future__ import annotations

from aslint.core import lazyre
import functools
from aslint.core.record import dataclass, field

#: name -> (min args, max args or None for unbounded); asl-facts.md §6
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "States.Format": (1, None),
    "States.StringToJson": (1, 1),
    "States.JsonToString": (1, 1),
    "States.Array": (0, None),
    "States.ArrayPartition": (2, 2),
    "States.ArrayContains": (2, 2),
    "States.ArrayRange": (3, 3),
    "States.ArrayGetItem": (2, 2),
    "States.ArrayLength": (1, 1),
    "States.ArrayUnique": (1, 1),
    "States.Base64Encode": (1, 1),
    "States.Base64Decode": (1, 1),
    "States.Hash": (2, 2),
    "States.JsonMerge": (3, 3),
    "States.MathRandom": (2, 3),
    "States.MathAdd": (2, 2),
    "States.StringSplit": (2, 2),
    "States.UUID": (0, 0),
}
#: the intrinsics that return a string: the only ones a Fail state's ErrorPath/CausePath takes
#: (https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html)
STRING_RESULTS = frozenset({"States.Format", "States.JsonToString", "States.ArrayGetItem", "States.Base64Encode",
                            "States.Base64Decode", "States.Hash", "States.UUID"})
HASH_ALGORITHMS = ("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512")
MAX_NESTING = 10
MAX_ARRAY_RANGE = 1000
_NAME_RE = lazyre.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")
_NUMBER_RE = lazyre.compile(r"-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
_ESCAPABLE = "'{}\\"


class IntrinsicSyntaxError(ValueError):
    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass
class Literal:
    kind: str  # "string", "number", "boolean", "null"
    value: object
    start: int
    end: int
    raw: str = ""


@dataclass
class PathArg:
    text: str
    start: int
    end: int


@dataclass
class Call:
    name: str
    args: list = field(default_factory=list)
    start: int = 0
    end: int = 0
    depth: int = 1  # 1 for a call with no nested call

    def walk(self):
        """Every call in the tree, this one first (iterative)."""
        stack = [self]
        while stack:
            call = stack.pop()
            yield call
            stack.extend(a for a in reversed(call.args) if isinstance(a, Call))


def looks_like_call(text) -> bool:
    """A value meant as an intrinsic: starts with a name and '(' (after optional whitespace)."""
    if not isinstance(text, str):
        return False
    stripped = text.lstrip()
    m = _NAME_RE.match(stripped)
    return bool(m) and stripped[m.end():].lstrip().startswith("(")


@functools.lru_cache(maxsize=8192)
def parse(text: str) -> Call:
    """Parse one intrinsic call (leading whitespace is skipped; callers may report it)."""
    parser = _Parser(text)
    parser.skip_ws()
    call = parser.call(0)
    parser.skip_ws()
    if parser.i != len(text):
        raise IntrinsicSyntaxError(f"unexpected text after the call's closing ')': '{text[parser.i:parser.i + 20]}'", parser.i)
    return call


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.i = 0

    def skip_ws(self):
        t, n = self.text, len(self.text)
        while self.i < n and t[self.i] in " \t\r\n":
            self.i += 1

    def call(self, level: int) -> Call:
        if level >= 64:  # far beyond the documented limit; stop before Python's recursion limit
            raise IntrinsicSyntaxError("calls nest far too deeply", self.i)
        t = self.text
        start = self.i
        m = _NAME_RE.match(t, self.i)
        if not m:
            raise IntrinsicSyntaxError("expected a function name such as States.Format", self.i)
        name = m.group(0)
        self.i = m.end()
        self.skip_ws()
        if self.i >= len(t) or t[self.i] != "(":
            raise IntrinsicSyntaxError(f"expected '(' after {name}", self.i)
        self.i += 1
        call = Call(name, [], start)
        self.skip_ws()
        if self.i >= len(t):
            raise IntrinsicSyntaxError(f"{name}( is not closed: add ')'", self.i)
        if t[self.i] == ")":
            self.i += 1
            call.end = self.i
            return call
        while True:
            self.skip_ws()
            arg = self.arg(level)
            call.args.append(arg)
            if isinstance(arg, Call):
                call.depth = max(call.depth, arg.depth + 1)
            self.skip_ws()
            if self.i >= len(t):
                raise IntrinsicSyntaxError(f"{name}( is not closed: add ')'", self.i)
            c = t[self.i]
            if c == ",":
                self.i += 1
                continue
            if c == ")":
                self.i += 1
                call.end = self.i
                return call
            raise IntrinsicSyntaxError(f"expected ',' or ')' in the arguments of {name}, found '{c}'", self.i)

    def arg(self, level: int):
        t, n = self.text, len(self.text)
        if self.i >= n:
            raise IntrinsicSyntaxError("an argument is missing before the end of the text", self.i)
        c = t[self.i]
        start = self.i
        if c == "'":
            return self.string()
        if c == "$":
            return self.path()
        if c in ",)":
            raise IntrinsicSyntaxError("an argument is missing (two commas in a row, or a comma before ')')", self.i)
        m = _NUMBER_RE.match(t, self.i)
        if m and (m.end() >= n or t[m.end()] in " \t\r\n,)"):
            self.i = m.end()
            raw = m.group(0)
            value = float(raw) if any(ch in raw for ch in ".eE") else int(raw)
            return Literal("number", value, start, self.i, raw)
        for word, kind, value in (("true", "boolean", True), ("false", "boolean", False), ("null", "null", None)):
            if t.startswith(word, self.i) and (self.i + len(word) >= n or t[self.i + len(word)] in " \t\r\n,)"):
                self.i += len(word)
                return Literal(kind, value, start, self.i, word)
        if c == '"':
            raise IntrinsicSyntaxError("string arguments use single quotes ('text'), not double quotes", self.i)
        if _NAME_RE.match(t, self.i):
            return self.call(level + 1)
        raise IntrinsicSyntaxError(f"'{c}' cannot start an argument (expected 'text', a number, true/false/null, a $ path or a call)", self.i)

    def string(self) -> Literal:
        t, n = self.text, len(self.text)
        start = self.i
        self.i += 1
        out = []
        while self.i < n:
            c = t[self.i]
            if c == "\\":
                # \' \{ \} \\ are the only escapes AWS takes; any other is rejected
                if self.i + 1 >= n:
                    break
                if t[self.i + 1] not in _ESCAPABLE:
                    raise IntrinsicSyntaxError(f"'\\{t[self.i + 1]}' is not an escape a string argument takes "
                                               "(only \\' \\{ \\} \\\\)", self.i)
                out.append("\\" + t[self.i + 1])
                self.i += 2
                continue
            if c == "'":
                self.i += 1
                return Literal("string", "".join(out), start, self.i, t[start:self.i])
            out.append(c)
            self.i += 1
        raise IntrinsicSyntaxError("a string argument is not closed: add the closing single quote (escape a quote inside as \\')", start)

    def path(self) -> PathArg:
        t, n = self.text, len(self.text)
        start = self.i
        depth, quote = 0, None
        while self.i < n:
            c = t[self.i]
            if quote:
                if c == "\\":
                    self.i += 2
                    continue
                if c == quote:
                    quote = None
            elif c in "'\"" and depth > 0:
                quote = c
            elif c in "[(":
                depth += 1
            elif c in "])":
                if depth == 0:
                    break
                depth -= 1
            elif c == "," and depth == 0:
                break
            self.i += 1
        return PathArg(t[start:self.i].rstrip(), start, self.i)


def format_placeholders(template: str) -> int:
    """Count of '{}' slots in a States.Format template (the literal's text, escapes kept)."""
    count, i, n = 0, 0, len(template)
    while i < n:
        if template[i] == "\\":
            i += 2
            continue
        if template.startswith("{}", i):
            count += 1
            i += 2
            continue
        i += 1
    return count
