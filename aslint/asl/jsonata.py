"""JSONata expressions in ``{% … %}`` strings: surround syntax, a light tokenizer and well-formedness.

Not a JSONata engine. ``problems(text)`` finds what makes an expression unparseable for sure:
a missing ``{%``/``%}``, an empty body, unbalanced ``( [ {``, an unterminated string or
comment, two operands or two binary operators in a row, an operator at the start or end of a
group, and JSONPath-only syntax (``$..x``, ``[?(@…)]``). ``references(text)`` lists the
``$name`` references (with ``$states.member``) an expression reads, minus its own bindings
(``$x := …``, ``function($a, $b)``) and JSONata's built-in functions.
"""

from __future__ import annotations

from aslint.core import lazyre
import functools
from aslint.core.record import dataclass

OPEN, CLOSE = "{%", "%}"
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _BRACKETS.items()}
# longest first
_OPERATORS = (":=", "!=", "<=", ">=", "..", "**", "~>", "?:", "??",
              "+", "-", "*", "/", "%", "&", "=", "<", ">", ".", "?", ":", ",", ";", "@", "#", "^", "|")
_WORD_OPERATORS = ("and", "or", "in")
#: tokens that may not start or end an operand sequence (binary operators)
_BINARY = {"!=", "<=", ">=", "..", "~>", "?:", "??", "+", "/", "&", "=", "<", ">", ".", "?", ":", ":=",
           "and", "or", "in", "@", "#"}
# letters, '_' and any non-ASCII character start a name; digits may follow. Written as negated
# classes: a positive class up to U+FFFF costs ~7 ms to compile at every start-up.
_START = r"[^\x00-\x40\x5b-\x5e\x60\x7b-\x9f]"
_REST = r"[^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x9f]"
_NAME_RE = lazyre.compile(_START + _REST + "*")
_VAR_RE = lazyre.compile(r"\$" + _START + _REST + r"*|\$\$|\$")
_NUM_RE = lazyre.compile(r"(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")

#: JSONata 2.x built-in functions (a `$name` that is one of these is not a variable read)
BUILTINS = frozenset("""
sum count max min average string substring substringBefore substringAfter lowercase uppercase length
trim pad contains split join match replace now millis fromMillis toMillis formatNumber formatBase
formatInteger parseInteger number abs floor ceil power sqrt random round boolean not exists keys
lookup spread merge sift each error assert type sort reverse shuffle distinct zip map filter single
reduce append base64encode base64decode encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl
eval clone partition uuid hash parse range
""".split())
#: Step Functions additions to JSONata (P7): $partition, $range, $hash, $random, $uuid, $parse
STATES_MEMBERS = ("input", "result", "errorOutput", "context")


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "str", "name", "var", "op", "open", "close", "regex", "tmpl"
    text: str
    start: int  # offset in the whole string value


from aslint.asl.dynamic import is_expression  # noqa: E402,F401  (the one test)


def looks_like_expression(value) -> bool:
    """A string that tries to be a JSONata expression (has '{%' or ends with '%}')."""
    return isinstance(value, str) and (OPEN in value or value.rstrip().endswith(CLOSE))


def body(value: str) -> tuple[str, int] | None:
    """(expression text, its offset in value) for a well-surrounded '{% … %}' string."""
    if value.startswith(OPEN) and value.endswith(CLOSE) and len(value) >= 4:
        return value[2:-2], 2
    return None


def surround_problem(value: str) -> str | None:
    """Why ``value`` is not exactly '{% … %}' (None when it is). AWS takes such a string as literal text."""
    if not value.startswith(OPEN):
        if value.lstrip().startswith(OPEN):
            return "the expression has whitespace before '{%'; the whole string must start with '{%'"
        return "a JSONata expression must start with '{%'"
    if not value.endswith(CLOSE) or len(value) < 4:
        if value.rstrip().endswith(CLOSE) and len(value.rstrip()) >= 4:
            return "the expression has whitespace after '%}'; the whole string must end with '%}'"
        return "a JSONata expression must end with '%}'"
    return None


@functools.lru_cache(maxsize=8192)
def problems(value: str) -> tuple[str, ...]:
    """Why ``value`` is not a well-formed '{% … %}' JSONata expression (empty when it is)."""
    surround = surround_problem(value)
    if surround:
        return (surround,)
    text = value[2:-2]
    if not text.strip():
        return ("the expression between '{%' and '%}' is empty",)
    try:
        tokens = tokenize(text, 2)
    except ExpressionError as err:
        return (err.message,)
    return tuple(_structure(tokens))


class ExpressionError(ValueError):
    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message = message
        self.offset = offset


def tokenize(text: str, base: int = 0) -> list[Token]:
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in " \t\r\n":
            i += 1
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise ExpressionError("a /* comment is not closed with */", base + i)
            i = j + 2
            continue
        if c in "\"'`":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                what = "a quoted name" if c == "`" else "a string"
                raise ExpressionError(f"{what} opened with {c} is not closed", base + i)
            out.append(Token("name" if c == "`" else "str", text[i:j + 1], base + i))
            i = j + 1
            continue
        if c in _BRACKETS:
            out.append(Token("open", c, base + i))
            i += 1
            continue
        if c in _CLOSERS:
            out.append(Token("close", c, base + i))
            i += 1
            continue
        if c == "$":
            m = _VAR_RE.match(text, i)
            out.append(Token("var", m.group(0), base + i))
            i = m.end()
            continue
        if c.isdigit():
            m = _NUM_RE.match(text, i)
            out.append(Token("num", m.group(0), base + i))
            i = m.end()
            continue
        if c == "/" and _regex_allowed(out):
            j = i + 1
            while j < n and text[j] != "/":
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise ExpressionError("a /regex/ is not closed", base + i)
            j += 1
            while j < n and text[j] in "im":
                j += 1
            out.append(Token("regex", text[i:j], base + i))
            i = j
            continue
        m = _NAME_RE.match(text, i)
        if m:
            word = m.group(0)
            out.append(Token("op" if word in _WORD_OPERATORS else "name", word, base + i))
            i = m.end()
            continue
        for op in _OPERATORS:
            if text.startswith(op, i):
                out.append(Token("op", op, base + i))
                i += len(op)
                break
        else:
            if c == "!":
                raise ExpressionError("'!' is not a JSONata operator; use '!=' or $not(…)", base + i)
            out.append(Token("op", c, base + i))
            i += 1
    return out


def _regex_allowed(prev: list[Token]) -> bool:
    """A '/' starts a regex where an operand is expected (start, after '(' ',' or an operator)."""
    if not prev:
        return True
    last = prev[-1]
    return last.kind == "open" or (last.kind == "op" and last.text not in (")",))


_OPERANDS = ("num", "str", "name", "var", "regex", "wild")
#: tokens that are operands where an operand is expected: wildcard, descendants, parent
_CONTEXTUAL = ("*", "**", "%")


def _structure(tokens: list[Token]):
    """Balanced brackets and a plausible operand/operator alternation (first problem only)."""
    stack: list[Token] = []
    carets: list[bool] = []  # per open bracket: does it follow '^' (an order-by group)?
    prev: Token | None = None
    for k, tok in enumerate(tokens):
        expecting_operand = prev is None or prev.kind == "open" or (prev.kind == "op" and prev.text != "|")
        if tok.kind == "op" and tok.text in _CONTEXTUAL and expecting_operand:
            tok = Token("wild", tok.text, tok.start)
        elif tok.kind == "op" and tok.text == "?" and prev is not None and prev.text in ("(", ","):
            tok = Token("wild", "?", tok.start)  # a placeholder of partial application: $f(?, 1)
        elif (tok.kind == "op" and tok.text in ("<", ">") and prev is not None and prev.text in ("(", ",")
              and stack and stack[-1].text == "(" and carets[-1]):
            prev = tok  # the direction of an order-by term: ^(>price, <name)
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if tok.kind == "open":
            if prev is not None and prev.kind in ("num", "str") and tok.text == "(":
                yield f"'{prev.text}' is followed by '(': a number or string cannot be called"
                return
            stack.append(tok)
            carets.append(prev is not None and prev.text == "^")
        elif tok.kind == "close":
            if not stack:
                yield f"'{tok.text}' has no matching '{_CLOSERS[tok.text]}'"
                return
            top = stack.pop()
            carets.pop()
            if _BRACKETS[top.text] != tok.text:
                yield f"'{top.text}' is closed by '{tok.text}'; expected '{_BRACKETS[top.text]}'"
                return
            if prev is not None and prev.kind == "op" and (prev.text in _BINARY or prev.text == ",") and prev.text != "|":
                yield f"'{prev.text}' has nothing after it before '{tok.text}'"
                return
        elif tok.kind == "op":
            t = tok.text
            if t == "?" and prev is not None and prev.kind == "open" and prev.text == "[":
                yield "'[?(…)]' is a JSONPath filter, not JSONata; write a predicate such as items[price < 10]"
                return
            if t == ".." and ((prev is not None and prev.kind == "var" and prev.text == "$") or (nxt is not None and nxt.kind == "name")):
                yield "'..' is JSONPath recursive descent, not JSONata; use '**' for descendants"
                return
            if t == "@" and expecting_operand:
                yield "'@' here is JSONPath's current node, not JSONata; refer to fields by name inside a predicate"
                return
            if t in _BINARY:
                if prev is None or prev.kind == "open":
                    yield f"'{t}' has no left-hand operand"
                    return
                if prev.kind == "op" and prev.text in _BINARY:
                    yield f"two operators in a row: '{prev.text}' then '{t}'"
                    return
        elif tok.kind in _OPERANDS:
            if prev is not None and (prev.kind in _OPERANDS or prev.kind == "close"):
                yield f"'{prev.text}' and '{tok.text}' follow each other with no operator between them"
                return
        prev = tok
    if stack:
        top = stack[-1]
        yield f"'{top.text}' is not closed: add '{_BRACKETS[top.text]}'"
        return
    if prev is not None and prev.kind == "op" and prev.text in _BINARY:
        yield f"the expression ends with the operator '{prev.text}'"


@functools.lru_cache(maxsize=8192)
def references(value: str) -> tuple[tuple[str, str, int], ...]:
    """('name', 'member', offset) for each ``$name`` read in a '{% … %}' expression.

    ``member`` is the first ``.field`` after ``$states`` (empty for other variables). Local
    bindings (``$x := …``), lambda parameters and built-in functions are left out.
    """
    parts = body(value)
    if parts is None:
        return ()
    try:
        tokens = tokenize(parts[0], parts[1])
    except ExpressionError:
        return ()
    local = set()
    for k, tok in enumerate(tokens):
        if tok.kind == "var" and k + 1 < len(tokens) and tokens[k + 1].text == ":=":
            local.add(tok.text[1:])
        if tok.kind == "name" and tok.text in ("function", "λ") and k + 1 < len(tokens) and tokens[k + 1].text == "(":
            j = k + 2
            while j < len(tokens) and tokens[j].text != ")":
                if tokens[j].kind == "var":
                    local.add(tokens[j].text[1:])
                j += 1
    out = []
    for k, tok in enumerate(tokens):
        if tok.kind != "var" or tok.text in ("$", "$$"):
            continue
        name = tok.text[1:]
        if name in local:
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and nxt.text == ":=":
            continue
        if name in BUILTINS and (nxt is None or nxt.text == "(" or nxt.text in (",", ")")):
            continue
        if nxt is not None and nxt.text == "(" and name not in ("states",):
            continue  # a call of a function held in a variable or a built-in we do not list
        member = ""
        if name == "states" and nxt is not None and nxt.text == "." and k + 2 < len(tokens):
            after = tokens[k + 2]
            member = after.text if after.kind == "name" else ""
        out.append((name, member, tok.start))
    return tuple(out)
