"""JSONPath-mode paths: Paths, Reference Paths, context paths (``$$…``) and variables (``$name…``).

The small API other families use::

    check_path(text, reference=False)  -> PathInfo        # everything known about one string
    is_valid_path(text)                -> bool             # a Path, context path or variable path
    is_reference_path(text)            -> bool             # a path that addresses one node only
    variable_of(text)                  -> str | None       # "x" for "$x.y", else None
    is_intrinsic_call(text)            -> bool             # starts like "States.Name("

Most paths in real definitions are simple (``$``, ``$.a.b``, ``$['x'][0]``, ``$$.Execution.Id``,
``$var.x``); they are checked by a linear scanner written here. Only paths with filters, slices,
unions, recursive descent or script expressions are handed to jsonpath-ng's grammar (imported
lazily, results cached per string), so a large definition costs microseconds per path.
"""

from __future__ import annotations

from aslint.core import lazyre
import functools
from aslint.core.record import dataclass

#: characters that end a dot-notation member name
_DOT_STOP = set(".[]'\"()?,@ \t\r\n:*$")
_IDENT_RE = lazyre.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INDEX_RE = lazyre.compile(r"-?\d+")
#: functions a (Jayway) JsonPath may end with; never allowed in a Reference Path
JSONPATH_FUNCTIONS = frozenset({"min", "max", "avg", "stddev", "length", "sum", "keys", "first", "last", "concat", "append", "index"})


@dataclass(frozen=True)
class PathInfo:
    """What a string is as a JSONPath-mode path.

    ``ok``: a well-formed Path. ``root``: "input" (``$``), "context" (``$$``) or "variable"
    (``$name``). ``variable``: the variable name for a variable path. ``single``: it addresses
    one node only (a valid Reference Path). ``problem``: why it is malformed, or for a
    well-formed path that is not single, which construct selects many nodes.
    """

    ok: bool
    root: str = "input"
    variable: str | None = None
    single: bool = False
    problem: str = ""


def is_intrinsic_call(text) -> bool:
    """True when ``text`` looks like an intrinsic function call (``States.Name(…``)."""
    return isinstance(text, str) and text.startswith("States.") and "(" in text


def is_valid_path(text) -> bool:
    return isinstance(text, str) and check_path(text).ok


def is_reference_path(text) -> bool:
    if not isinstance(text, str):
        return False
    info = check_path(text)
    return info.ok and info.single


def variable_of(text) -> str | None:
    """The variable a path reads (``"$x.y"`` -> ``"x"``), or None."""
    if not isinstance(text, str):
        return None
    info = check_path(text)
    return info.variable if info.ok else None


@functools.lru_cache(maxsize=65536)
def check_path(text: str) -> PathInfo:
    """Classify and validate ``text`` as a JSONPath-mode path (cached per string)."""
    if not isinstance(text, str):
        return PathInfo(False, problem="a path must be a string")
    if "${" in text:
        # a DefinitionSubstitutions / Fn::Sub placeholder: the real path exists only after
        # substitution, so it cannot be judged here
        return PathInfo(True, "input", None, single=True, problem="")
    if not text.startswith("$"):
        if text[:1].isspace() or text[-1:].isspace():
            return PathInfo(False, problem="it has leading or trailing whitespace; a path starts with '$'")
        return PathInfo(False, problem="a path starts with '$'")
    # Trailing whitespace is tolerated by Step Functions (deployed samples carry it); ignore it.
    text = text.rstrip()
    # root
    root, variable, i = "input", None, 1
    if text.startswith("$$"):
        root, i = "context", 2
    elif len(text) > 1 and text[1] not in ".[":
        m = _IDENT_RE.match(text, 1)
        if not m:
            return PathInfo(False, problem=f"'{text[:2]}' is neither '$.', '$[', '$$' nor a variable name")
        root, variable, i = "variable", m.group(0), m.end()
    single = True
    complex_part = None
    n = len(text)
    while i < n:
        c = text[i]
        if c == ".":
            if text.startswith("..", i):
                complex_part = complex_part or "recursive descent '..'"
                single = False
                i += 2
                if i >= n:
                    return PathInfo(False, root, variable, problem="it ends with '..'")
                if text[i] in ".":
                    return PathInfo(False, root, variable, problem="it has '...'")
                if text[i] == "[":
                    continue
                j = _dot_name_end(text, i)
                if j == i and text[i] != "*":
                    return PathInfo(False, root, variable, problem=f"'..' is followed by '{text[i]}'")
                i = max(j, i + 1) if text[i] == "*" else j
                continue
            i += 1
            if i >= n:
                return PathInfo(False, root, variable, problem="it ends with '.'; name a field after the dot")
            if text[i] == "[":
                continue  # '$.[0]' and '$.a.[0]': Jayway JsonPath (and AWS) accept the dot
            if text[i] == "*":
                single = False
                complex_part = complex_part or "wildcard '.*'"
                i += 1
                continue
            j = _dot_name_end(text, i)
            if j == i:
                return PathInfo(False, root, variable, problem=f"'.' is followed by '{text[i]}' instead of a field name")
            if j < n and text[j] == "(":
                name = text[i:j]
                if name in JSONPATH_FUNCTIONS and text.endswith(")") and text.find(")", j) == n - 1 and name:
                    return PathInfo(True, root, variable, single=False, problem=f"function '{name}()'")
                return PathInfo(False, root, variable, problem=f"'{name}(' is not a field name (only a path function such as length() may end a Path)")
            i = j
            continue
        if c == "[":
            end = _bracket_end(text, i)
            if end < 0:
                return PathInfo(False, root, variable, problem="a '[' is not closed by ']'")
            inner = text[i + 1:end].strip()
            kind = _bracket_kind(inner)
            if kind == "bad":
                return PathInfo(False, root, variable, problem=f"'[{inner}]' is not a field name in quotes or an array index")
            if kind != "single":
                single = False
                complex_part = complex_part or kind
            i = end + 1
            continue
        return PathInfo(False, root, variable, problem=f"unexpected '{c}' at position {i + 1}; use '.name' or ['name'] after '$'")
    # Filters and scripts are checked for balance only: jsonpath-ng's filter grammar is narrower
    # than Jayway JsonPath's, which AWS uses ('&&', '$' inside filters). The other complex forms
    # ('..', slices, unions) go through jsonpath-ng's grammar; wildcards ('.*', '[*]') are fully
    # checked by the scanner above, so the common case never loads jsonpath-ng (50 ms at start-up).
    if complex_part is not None and not complex_part.startswith(("filter", "script", "wildcard")) and not _jsonpath_ng_ok(text, root):
        return PathInfo(False, root, variable, problem=f"its {complex_part} is not valid JSONPath")
    return PathInfo(True, root, variable, single=single, problem=complex_part or "")


def _dot_name_end(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] not in _DOT_STOP:
        i += 1
    return i


def _bracket_end(text: str, i: int) -> int:
    """Index of the ']' closing the '[' at i (quotes and nested brackets respected), or -1."""
    depth, quote, n = 0, None, len(text)
    j = i
    while j < n:
        c = text[j]
        if quote:
            if c == "\\":
                j += 2
                continue
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "[(":
            depth += 1
        elif c in "])":
            depth -= 1
            if depth == 0:
                return j if c == "]" else -1
        j += 1
    return -1


def _bracket_kind(inner: str) -> str:
    if not inner:
        return "bad"
    if _INDEX_RE.fullmatch(inner):
        return "single"
    if len(inner) >= 2 and inner[0] in "'\"" and inner[-1] == inner[0] and _closed_quote(inner):
        return "single"
    if inner == "*":
        return "wildcard '[*]'"
    if inner.startswith("?"):
        return "filter '[?(…)]'" if _balanced_group(inner[1:].strip()) else "bad"
    if inner.startswith("("):
        return "script expression '[(…)]'" if _balanced_group(inner) else "bad"
    if _SLICE_RE.fullmatch(inner):
        return "slice '[a:b]'"
    if "," in inner and all(_INDEX_RE.fullmatch(p.strip()) or _quoted(p.strip()) for p in _split_union(inner)):
        return "union '[a,b]'"
    return "bad"


_SLICE_RE = lazyre.compile(r"\s*-?\d*\s*:\s*-?\d*\s*(:\s*-?\d*\s*)?")


def _quoted(part: str) -> bool:
    return len(part) >= 2 and part[0] in "'\"" and part[-1] == part[0] and _closed_quote(part)


def _split_union(inner: str) -> list:
    parts, quote, start = [], None, 0
    for j, c in enumerate(inner):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == ",":
            parts.append(inner[start:j])
            start = j + 1
    parts.append(inner[start:])
    return parts


def _balanced_group(text: str) -> bool:
    """'( … )' with balanced parentheses and closed quotes (a filter's or script's body)."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth, quote = 0, None
    for j, c in enumerate(text):
        if quote:
            if c == quote:
                quote = None
            continue
        if c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0 and j != len(text) - 1:
                return False
    return depth == 0 and quote is None


def _closed_quote(inner: str) -> bool:
    q = inner[0]
    j = 1
    while j < len(inner) - 1:
        if inner[j] == "\\":
            j += 2
            continue
        if inner[j] == q:
            return False
        j += 1
    return j == len(inner) - 1


#: longer complex paths are not handed to jsonpath-ng (its parser slows down with the square of
#: a union's length); the scanner above has checked their brackets, quotes and parts
JSONPATH_NG_MAX = 1000


@functools.lru_cache(maxsize=4096)
def _jsonpath_ng_ok(text: str, root: str) -> bool:
    """jsonpath-ng's grammar for the rare complex paths (filters, slices, unions, '..') of at
    most JSONPATH_NG_MAX characters."""
    if len(text) > JSONPATH_NG_MAX:
        return True
    try:
        from jsonpath_ng.ext import parse
    except ImportError:  # pragma: no cover - declared dependency
        return True
    probe = text
    if root == "context":
        probe = "$" + text[2:]
    elif root == "variable":
        m = _IDENT_RE.match(text, 1)
        probe = "$" + text[m.end():] if m else text
    try:
        parse(probe)
    except Exception:
        return False
    return True
