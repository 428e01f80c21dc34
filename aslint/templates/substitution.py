"""Strings built by CloudFormation intrinsics, rendered as far as a linter can know them.

A ``DefinitionString`` (or a policy ``Resource``) may be a plain string, an ``Fn::Sub`` or an
``Fn::Join`` of literal parts and ``Ref`` / ``Fn::GetAtt`` parts. We render it to text piece by
piece, keeping for every character of a literal part its offset in the template (via
:func:`aslint.core.embedded.char_offsets`), so findings in the parsed definition land on the right
characters of the file the user edits.

What is known is substituted (``AWS::Partition`` -> ``aws``, ``Fn::Sub`` variables and
``DefinitionSubstitutions`` with literal values); what is not stays as ``${Name}`` text, which
every rule family treats as an unknown value. Nothing is ever evaluated.
"""

from __future__ import annotations

from aslint.core import lazyre
import json

from aslint.core.embedded import OffsetMap, char_offsets
from aslint.core.pointer import join

PSEUDO = {"AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com"}
TOKEN = lazyre.compile(r"\$\{(!?)([^{}]*)\}")
_MAX_DEPTH = 32


class Piece:
    """A run of rendered text: ``offsets`` (one per character, + end) when it is literal in the
    host, else None and ``fallback`` = the host span to point at; ``unknown`` for ``${…}``."""

    __slots__ = ("text", "offsets", "fallback", "unknown")

    def __init__(self, text: str, offsets, fallback: tuple, unknown: bool = False):
        self.text = text
        self.offsets = offsets
        self.fallback = fallback
        self.unknown = unknown


def is_intrinsic(value) -> bool:
    if not isinstance(value, dict) or len(value) != 1:
        return False
    key = next(iter(value))
    return key == "Ref" or key.startswith("Fn::")


def _span(host, pointer: str) -> tuple:
    try:
        return tuple(host.span(pointer, "value"))
    except Exception:
        return (0, 0)


def _literal(host, pointer: str, text: str) -> Piece:
    offsets = char_offsets(host, pointer) if host is not None else None
    return Piece(text, offsets, _span(host, pointer) if host is not None else (0, 0))


def _slice(piece: Piece, a: int, b: int, unknown: bool = False) -> Piece:
    offsets = piece.offsets[a:b + 1] if piece.offsets is not None else None
    fallback = (piece.offsets[a], piece.offsets[b]) if piece.offsets is not None else piece.fallback
    return Piece(piece.text[a:b], offsets, fallback, unknown)


def pieces(host, pointer: str, value, depth: int = 0) -> list:
    """The pieces of text ``value`` (at ``pointer`` of ``host``) renders to."""
    fallback = _span(host, pointer) if host is not None else (0, 0)
    if depth > _MAX_DEPTH:
        return [Piece("${…}", None, fallback, True)]
    if isinstance(value, str):
        return [_literal(host, pointer, value)]
    if isinstance(value, bool):
        return [Piece("true" if value else "false", None, fallback)]
    if isinstance(value, (int, float)):
        return [Piece(json.dumps(value), None, fallback)]
    if is_intrinsic(value):
        (fn, arg), = value.items()
        here = join(pointer, fn)
        if fn == "Ref":
            if isinstance(arg, str) and arg in PSEUDO:
                return [Piece(PSEUDO[arg], None, fallback)]
            return [Piece("${%s}" % (arg if isinstance(arg, str) else "Ref"), None, fallback, True)]
        if fn == "Fn::GetAtt":
            if isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                name = ".".join(arg)
            elif isinstance(arg, str):
                name = arg
            else:
                name = "GetAtt"
            return [Piece("${%s}" % name, None, fallback, True)]
        if fn == "Fn::Join" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], list):
            sep = arg[0] if isinstance(arg[0], str) else ""
            out: list = []
            for i, part in enumerate(arg[1]):
                if i and sep:
                    out.append(_literal(host, join(here, 0), sep))
                out.extend(pieces(host, join(here, 1, i), part, depth + 1))
            return out
        if fn == "Fn::Sub":
            if isinstance(arg, str):
                return substitute([_literal(host, here, arg)], {}, sub=True)
            if isinstance(arg, list) and arg and isinstance(arg[0], str):
                variables = {}
                if len(arg) > 1 and isinstance(arg[1], dict):
                    for name, val in arg[1].items():
                        variables[name] = text_of(host, join(here, 1, name), val, depth + 1)
                return substitute([_literal(host, join(here, 0), arg[0])], variables, sub=True)
        return [Piece("${%s}" % fn, None, fallback, True)]
    return [Piece("${?}", None, fallback, True)]


def text_of(host, pointer: str, value, depth: int = 0) -> str:
    return "".join(p.text for p in pieces(host, pointer, value, depth))


def substitute(parts: list, variables: dict, sub: bool = False, missing: set | None = None) -> list:
    """Replace ``${Name}`` in the literal pieces by ``variables[Name]`` (text); unknown names stay
    ``${Name}`` (marked unknown). With ``sub`` (Fn::Sub semantics) pseudo parameters are known and
    ``${!Name}`` is the literal text ``${Name}``."""
    out: list = []
    for piece in parts:
        if piece.unknown or "${" not in piece.text:
            out.append(piece)
            continue
        cursor = 0
        for m in TOKEN.finditer(piece.text):
            if m.start() > cursor:
                out.append(_slice(piece, cursor, m.start()))
            bang, name = m.group(1), m.group(2)
            if bang and sub:
                # ${!Name} is the literal ${Name}: drop the "!"
                head = _slice(piece, m.start(), m.start() + 2)
                tail = _slice(piece, m.start() + 3, m.end())
                out.append(Piece(head.text + tail.text,
                                 (head.offsets[:-1] + tail.offsets) if head.offsets is not None and tail.offsets is not None else None,
                                 (head.fallback[0], tail.fallback[1])))
            elif not bang and name in variables and variables[name] is not None:
                token = _slice(piece, m.start(), m.end())
                text = variables[name]
                out.append(Piece(text, None, token.fallback, "${" in text))
            elif not bang and sub and name in PSEUDO:
                token = _slice(piece, m.start(), m.end())
                out.append(Piece(PSEUDO[name], None, token.fallback))
            else:
                if missing is not None and not bang and not sub:
                    missing.add(name)  # literal ${Name} with no substitution: sent as text
                out.append(_slice(piece, m.start(), m.end(), unknown=True))
            cursor = m.end()
        if cursor < len(piece.text):
            out.append(_slice(piece, cursor, len(piece.text)))
    return out


def literal_substitutions(host, pointer: str, value) -> dict:
    """``DefinitionSubstitutions``: name -> text (intrinsic values rendered with ``${…}`` for what is unknown)."""
    if not isinstance(value, dict):
        return {}
    out = {}
    for name, val in value.items():
        if isinstance(val, (str, int, float, bool)) or is_intrinsic(val):
            out[str(name)] = text_of(host, join(pointer, name), val)
    return out


def quote_bare_unknowns(parts: list) -> list:
    """In JSON text, an unknown ``${X}`` outside a string (``"TimeoutSeconds": ${T}``) is made a
    string so the definition still parses; the value stays unknown."""
    in_string = escaped = False
    out = []
    for piece in parts:
        if piece.unknown and not in_string and piece.text.startswith("${"):
            out.append(Piece('"' + piece.text.replace("\\", "\\\\").replace('"', '\\"') + '"', None, piece.fallback, True))
            continue
        if piece.unknown and in_string:
            text = json.dumps(piece.text)[1:-1]
            out.append(Piece(text, None, piece.fallback, True) if text != piece.text else piece)
            continue
        for ch in piece.text:
            if escaped:
                escaped = False
            elif ch == "\\" and in_string:
                escaped = True
            elif ch == '"':
                in_string = not in_string
        out.append(piece)
    return out


def offset_map(parts: list) -> OffsetMap:
    omap = OffsetMap()
    for piece in parts:
        omap.add(piece.text, piece.offsets, piece.fallback)
    return omap


def render_value(value, variables: dict, host=None, pointer: str = "", missing: set | None = None):
    """A copy of ``value`` (an inline Definition or PolicyDocument) with intrinsics rendered as text
    and ``${Name}`` variables substituted in strings; same shape, so pointers stay valid. Names of
    literal ``${Name}`` left unsubstituted are added to ``missing`` (when given)."""
    if isinstance(value, str):
        if "${" not in value or (not variables and missing is None):
            return value
        return "".join(p.text for p in substitute([Piece(value, None, (0, 0))], variables, missing=missing))
    if is_intrinsic(value):
        return "".join(p.text for p in substitute(pieces(host, pointer, value), variables, missing=missing))
    if isinstance(value, dict):
        return {k: render_value(v, variables, host, join(pointer, k), missing) for k, v in value.items()}
    if isinstance(value, list):
        return [render_value(v, variables, host, join(pointer, i), missing) for i, v in enumerate(value)]
    return value
