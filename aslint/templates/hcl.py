"""Terraform's HCL native syntax read into a small tree with exact character offsets.

The parser is python-hcl2's Lark grammar (the optional ``aslint[terraform]`` extra): its tree
carries the start and end offset of every rule and token, so each key and value keeps the place
the user wrote it. Nothing is evaluated: what is not a literal (``var.x``, a conditional, a ``for``)
stays an expression node whose text is its source, an unknown value for the linter.

Nodes: ``Obj`` (items: [(key, key span, Node)]), ``Tup`` (items), ``Lit`` (a number, bool, null),
``Tpl`` (a string: literal runs with the offset of each character, and interpolations), ``Call``
(name, args), ``Ref`` (a traversal such as ``aws_iam_role.r.arn`` or ``local.x``) and ``Expr``
(anything else). A file is a ``Body``: attributes and blocks.
"""

from __future__ import annotations

import re

MAX_DEPTH = 128
_SPACE = re.compile(r"\s+")
_INDEXED = re.compile(r"^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[[^\[\]\n]{1,40}\])+$")


class HclError(Exception):
    def __init__(self, message: str, offset: int = 0):
        super().__init__(message)
        self.message = message
        self.offset = offset


class MissingParser(Exception):
    """python-hcl2 is not installed."""


class Node:
    __slots__ = ("span",)

    def __init__(self, span):
        self.span = span


class Lit(Node):
    __slots__ = ("value",)

    def __init__(self, span, value):
        super().__init__(span)
        self.value = value


class Tpl(Node):
    """A string template: parts are ``Run(text, offsets)`` or ``Interp(text, span)``; ``directive``
    when it holds ``%{…}`` (then its value is unknown)."""

    __slots__ = ("parts", "directive")

    def __init__(self, span, parts, directive=False):
        super().__init__(span)
        self.parts = parts
        self.directive = directive

    @property
    def literal(self) -> bool:
        return not self.directive and all(isinstance(p, Run) for p in self.parts)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.parts)


class Run:
    __slots__ = ("text", "offsets")

    def __init__(self, text, offsets):
        self.text = text
        self.offsets = offsets  # one per character, plus the end


class Interp:
    __slots__ = ("text", "span", "node")

    def __init__(self, text, span, node=None):
        self.text = text  # "${…}" as written
        self.span = span
        self.node = node


class Obj(Node):
    __slots__ = ("items",)

    def __init__(self, span, items):
        super().__init__(span)
        self.items = items  # [(key text, key span, Node)]

    def get(self, key):
        for name, _, value in reversed(self.items):
            if name == key:
                return value
        return None


class Tup(Node):
    __slots__ = ("items",)

    def __init__(self, span, items):
        super().__init__(span)
        self.items = items


class Call(Node):
    __slots__ = ("name", "args", "name_span")

    def __init__(self, span, name, args, name_span):
        super().__init__(span)
        self.name = name
        self.args = args
        self.name_span = name_span


class Ref(Node):
    __slots__ = ("text",)

    def __init__(self, span, text):
        super().__init__(span)
        self.text = text


class Expr(Node):
    __slots__ = ("text",)

    def __init__(self, span, text):
        super().__init__(span)
        self.text = text


class Attr:
    __slots__ = ("name", "name_span", "value", "span")

    def __init__(self, name, name_span, value, span):
        self.name = name
        self.name_span = name_span
        self.value = value
        self.span = span


class Block:
    __slots__ = ("type", "labels", "type_span", "body", "span")

    def __init__(self, type_, labels, type_span, body, span):
        self.type = type_
        self.labels = labels
        self.type_span = type_span
        self.body = body
        self.span = span


class Body:
    __slots__ = ("attrs", "blocks")

    def __init__(self):
        self.attrs: dict = {}
        self.blocks: list = []

    def attr(self, name):
        a = self.attrs.get(name)
        return a.value if a is not None else None

    def blocks_of(self, type_):
        return [b for b in self.blocks if b.type == type_]


def source_text(text: str, span) -> str:
    """An expression's source, on one line and short enough for a placeholder."""
    raw = _SPACE.sub(" ", text[span[0]:span[1]]).strip()
    return raw if len(raw) <= 60 else raw[:57] + "..."


def placeholder(node, text: str) -> str:
    """What an unknown value becomes in rendered data: ``${<source>}``, as the other templates do."""
    if isinstance(node, Ref):
        return "${%s}" % node.text
    return "${%s}" % source_text(text, node.span)


# -- parsing ---------------------------------------------------------------------------------------

def _lark():
    try:
        import hcl2.parser  # noqa: F401
        import lark  # noqa: F401
    except ImportError as err:
        raise MissingParser(str(err)) from None
    from hcl2.parser import parser

    return parser()


def parse(text: str) -> Body:
    """The body of a ``.tf`` file; raises HclError (message, offset) for bad HCL."""
    tree = _parse_tree(text if text.endswith("\n") else text + "\n")
    return _Builder(text).body(tree.children[0], 0)


def parse_expression(text: str) -> Node:
    """One expression (the inside of a JSON-syntax ``${…}``), offsets relative to ``text``."""
    prefix = "x = "
    tree = _parse_tree(prefix + text + "\n")
    body = _Builder(prefix + text, shift=-len(prefix)).body(tree.children[0], 0)
    attr = body.attrs.get("x")
    if attr is None or len(body.attrs) != 1 or body.blocks:
        raise HclError("not one expression", 0)
    return attr.value


def _parse_tree(text: str):
    lark = _lark()
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

    try:
        return lark.parse(text)
    except UnexpectedToken as err:
        token = err.token
        offset = getattr(token, "start_pos", None)
        if token.type == "$END" or offset is None:
            raise HclError("unexpected end of file (an unclosed brace, bracket, quote or heredoc?)",
                           max(0, len(text.rstrip()) - 1)) from None
        value = str(token).strip()
        shown = repr(value[:20]) if value else "a new line"
        raise HclError(f"unexpected {shown}", offset) from None
    except UnexpectedCharacters as err:
        char = text[err.pos_in_stream] if 0 <= err.pos_in_stream < len(text) else ""
        if char == "<":
            raise HclError("a heredoc (<<EOT) that is not closed by its marker on a line of its own", err.pos_in_stream) from None
        raise HclError(f"unexpected character {char!r}", err.pos_in_stream) from None
    except UnexpectedEOF:
        raise HclError("unexpected end of file", max(0, len(text) - 1)) from None
    except UnexpectedInput as err:
        raise HclError("invalid syntax", getattr(err, "pos_in_stream", 0) or 0) from None
    except RecursionError:
        raise HclError("the file nests too deeply", 0) from None


def _span(tree):
    meta = tree.meta
    if meta.empty:
        return (0, 0)
    return (meta.start_pos, meta.end_pos)


def _is_token(item) -> bool:
    return not hasattr(item, "data")


class _Builder:
    def __init__(self, text: str, shift: int = 0):
        self.text = text
        self.shift = shift

    def s(self, span):
        return (span[0] + self.shift, span[1] + self.shift)

    def tspan(self, token):
        return (token.start_pos + self.shift, token.end_pos + self.shift)

    def _check(self, depth, tree):
        if depth > MAX_DEPTH:
            raise HclError("the file nests too deeply", _span(tree)[0] + self.shift)

    # structure
    def body(self, tree, depth) -> Body:
        self._check(depth, tree)
        body = Body()
        for child in tree.children:
            if _is_token(child):
                continue
            if child.data == "attribute":
                name_tree = child.children[0]
                name = self._name(name_tree)
                value = self.expr(child.children[-1], depth + 1)
                if name not in body.attrs:  # Terraform rejects a repeated argument; keep the first
                    body.attrs[name] = Attr(name, self.s(_span(name_tree)), value, self.s(_span(child)))
            elif child.data == "block":
                parts = [c for c in child.children if not _is_token(c) and c.data != "new_line_or_comment"]
                inner = parts[-1]
                labels = [self._label(p) for p in parts[1:-1]]
                body.blocks.append(Block(self._name(parts[0]), labels, self.s(_span(parts[0])),
                                         self.body(inner, depth + 1), self.s(_span(child))))
        return body

    def _name(self, tree) -> str:
        if _is_token(tree):
            return str(tree)
        return "".join(str(t) for t in tree.scan_values(lambda v: True)).strip()

    def _label(self, tree) -> str:
        if not _is_token(tree) and tree.data == "string":
            node = self.string(tree, 0)
            return node.text
        return self._name(tree)

    # expressions
    def expr(self, tree, depth) -> Node:
        self._check(depth, tree)
        if _is_token(tree):
            return Expr(self.tspan(tree), str(tree))
        data = tree.data
        span = self.s(_span(tree))
        if data == "expr_term":
            kids = [c for c in tree.children if not (_is_token(c) and c.type in ("LPAR", "RPAR"))
                    and not (not _is_token(c) and c.data == "new_line_or_comment")]
            paren = any(_is_token(c) and c.type == "LPAR" for c in tree.children)
            if len(kids) == 1 and not paren:
                return self.expr(kids[0], depth + 1)
            if len(kids) == 1 and paren:
                inner = self.expr(kids[0], depth + 1)
                return inner if isinstance(inner, (Lit, Tpl, Obj, Tup)) else Expr(span, self.src(span))
            return Expr(span, self.src(span))
        if data == "int_lit":
            return Lit(span, int(str(tree.children[0])))
        if data == "float_lit":
            return Lit(span, float(str(tree.children[0])))
        if data == "literal_value":
            word = str(tree.children[0])
            return Lit(span, {"true": True, "false": False, "null": None}.get(word, word))
        if data == "unary_op":
            op = str(tree.children[0])
            inner = self.expr(tree.children[1], depth + 1)
            if op == "-" and isinstance(inner, Lit) and isinstance(inner.value, (int, float)) and not isinstance(inner.value, bool):
                return Lit(span, -inner.value)
            return Expr(span, self.src(span))
        if data == "string":
            return self.string(tree, depth)
        if data in ("heredoc_template", "heredoc_template_trim"):
            token = tree.children[0]
            return heredoc(self.text, str(token), token.start_pos, trim=data.endswith("trim"), shift=self.shift)
        if data == "tuple":
            items = [self.expr(c, depth + 1) for c in tree.children
                     if not _is_token(c) and c.data != "new_line_or_comment"]
            return Tup(span, items)
        if data == "object":
            return self.obj(tree, span, depth)
        if data == "function_call":
            idents = [c for c in tree.children if not _is_token(c) and c.data == "identifier"]
            name = "::".join(self._name(i) for i in idents)
            args_tree = next((c for c in tree.children if not _is_token(c) and c.data == "arguments"), None)
            args = []
            if args_tree is not None:
                args = [self.expr(c, depth + 1) for c in args_tree.children
                        if not _is_token(c) and c.data != "new_line_or_comment"]
            return Call(span, name, args, self.s(_span(idents[0])) if idents else span)
        if data == "identifier":
            return Ref(span, self._name(tree))
        if data in ("get_attr_expr_term", "index_expr_term"):
            text = self._traversal(tree)
            if text is None:
                raw = self.src(span)
                text = raw if _INDEXED.match(raw) else None  # aws_iam_role.this[0].arn
            return Ref(span, text) if text else Expr(span, self.src(span))
        return Expr(span, self.src(span))

    def _traversal(self, tree) -> str | None:
        """``a.b.c`` for a chain of attribute accesses on a name, else None."""
        names = []
        node = tree
        while not _is_token(node) and node.data == "get_attr_expr_term":
            head, attr = node.children[0], node.children[1]
            idents = [c for c in attr.children if not _is_token(c)]
            if len(idents) != 1 or idents[0].data != "identifier":
                return None
            names.append(self._name(idents[0]))
            node = head
            while not _is_token(node) and node.data == "expr_term" and len(node.children) == 1:
                node = node.children[0]
        if _is_token(node) or node.data != "identifier":
            return None
        names.append(self._name(node))
        return ".".join(reversed(names))

    def src(self, span) -> str:
        return self.text[span[0] - self.shift:span[1] - self.shift]

    def obj(self, tree, span, depth) -> Obj:
        items = []
        for elem in tree.children:
            if _is_token(elem) or elem.data != "object_elem":
                continue
            key_tree = elem.children[0]
            key_span = self.s(_span(key_tree))
            inner = key_tree.children[0] if key_tree.children else key_tree
            key = None
            if not _is_token(inner) and inner.data == "expr_term" and len(inner.children) == 1:
                inner = inner.children[0]
            if _is_token(inner):
                key = str(inner)
            elif inner.data == "identifier" or inner.data == "keyword":
                key = self._name(inner)
            elif inner.data == "string":
                node = self.string(inner, depth + 1)
                key = node.text if node.literal else placeholder(node, self.text)
            elif inner.data in ("int_lit", "float_lit", "literal_value"):
                key = str(inner.children[0])
            else:
                key = "${%s}" % source_text(self.text, (key_span[0] - self.shift, key_span[1] - self.shift))
            value = self.expr(elem.children[-1], depth + 1)
            items.append((key, key_span, value))
        return Obj(span, items)

    def string(self, tree, depth) -> Tpl:
        span = self.s(_span(tree))
        parts: list = []
        directive = False
        for part in tree.children:
            if _is_token(part):
                continue  # the quotes
            for item in part.children:
                if _is_token(item):
                    start = item.start_pos + self.shift
                    if item.type == "STRING_CHARS":
                        parts.append(_decode_quoted(str(item), start))
                    elif item.type in ("ESCAPED_INTERPOLATION", "ESCAPED_DIRECTIVE"):
                        raw = str(item)[1:]
                        parts.append(Run(raw, [start + 1 + i for i in range(len(raw) + 1)]))
                elif item.data == "interpolation":
                    ispan = self.s(_span(item))
                    inner = [c for c in item.children if not _is_token(c)]
                    node = self.expr(inner[0], depth + 1) if inner else None
                    parts.append(Interp(self.src(ispan), ispan, node))
                else:
                    directive = True
        return Tpl(span, _merge(parts), directive)


_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}


def _decode_quoted(raw: str, base: int) -> Run:
    """A quoted string's characters, HCL escapes decoded, each with its offset."""
    out, offsets = [], []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\\" and i + 1 < n:
            nxt = raw[i + 1]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                offsets.append(base + i)
                i += 2
                continue
            width = 4 if nxt == "u" else 8 if nxt == "U" else 0
            digits = raw[i + 2:i + 2 + width]
            if width and len(digits) == width and all(c in "0123456789abcdefABCDEF" for c in digits):
                try:
                    out.append(chr(int(digits, 16)))
                except (ValueError, OverflowError):
                    out.append("\ufffd")
                offsets.append(base + i)
                i += 2 + width
                continue
        out.append(ch)
        offsets.append(base + i)
        i += 1
    offsets.append(base + n)
    return Run("".join(out), offsets)


def _merge(parts: list) -> list:
    """Adjacent runs joined into one (linear: each run's lists are copied once)."""
    out: list = []
    texts: list = []
    offsets: list = []
    for part in parts + [None]:
        if isinstance(part, Run):
            if offsets:
                offsets.pop()  # the previous run's end is this run's start
            texts.append(part.text)
            offsets.extend(part.offsets)
            continue
        if texts:
            out.append(Run("".join(texts), offsets))
            texts, offsets = [], []
        if part is not None:
            out.append(part)
    return out


# -- templates (heredocs and template files): no backslash escapes, ${…} and %{…} -------------------

def template(text: str, start: int, end: int, base: int = 0, lines=None) -> Tpl:
    """``text[start:end]`` read as a bare template (a heredoc's body or a templatefile's file).
    ``lines``: for an indented heredoc, (offset of each kept character) replaces the plain range."""
    parts: list = []
    directive = False
    chars = lines if lines is not None else None
    src = text
    i = start
    run_text: list = []
    run_offsets: list = []

    def flush(at):
        if run_text:
            parts.append(Run("".join(run_text), run_offsets + [at]))
            run_text.clear()
            run_offsets.clear()

    if chars is not None:
        # an indented heredoc: walk the kept characters only
        body = "".join(src[o] for o in chars)
        inner = template(body, 0, len(body))
        mapped = []
        for part in inner.parts:
            if isinstance(part, Run):
                mapped.append(Run(part.text, [chars[o] if o < len(chars) else (chars[-1] + 1 if chars else base) for o in part.offsets]))
            else:
                a = chars[part.span[0]] if part.span[0] < len(chars) else base
                b = chars[part.span[1] - 1] + 1 if 0 < part.span[1] <= len(chars) else a
                mapped.append(Interp(part.text, (a, b)))
        return Tpl((base, base), _merge(mapped), inner.directive)
    while i < end:
        ch = src[i]
        two = src[i:i + 2]
        if two in ("$$", "%%") and src[i + 2:i + 3] == "{":
            run_text.append(ch + "{")
            run_offsets.extend([i + 1, i + 2])
            i += 3
            continue
        if two in ("${", "%{"):
            close = _close(src, i + 2, end)
            if close is None:
                # not closed (Terraform rejects it): the rest is text, scanned once
                run_text.append(src[i:end])
                run_offsets.extend(range(i + base, end + base))
                i = end
                break
            flush(i + base)
            if two == "${":
                parts.append(Interp(src[i:close + 1], (i + base, close + 1 + base)))
            else:
                directive = True
                parts.append(Interp(src[i:close + 1], (i + base, close + 1 + base)))
            i = close + 1
            continue
        run_text.append(ch)
        run_offsets.append(i + base)
        i += 1
    flush(end + base)
    return Tpl((start + base, end + base), _merge(parts), directive)


def _close(src: str, i: int, end: int, limit: int = 4096):
    """The offset of the ``}`` closing an interpolation opened before ``i`` (strings and nested
    braces skipped), or None."""
    depth = 0
    quote = False
    stop = min(end, i + limit)
    while i < stop:
        ch = src[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == '"':
                quote = False
        elif ch == '"':
            quote = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return None


def heredoc(text: str, token: str, start: int, trim: bool, shift: int = 0) -> Tpl:
    """A heredoc token ``<<EOT\\n…\\nEOT\\n`` (at ``start`` of ``text``) as a template."""
    first_nl = token.find("\n")
    marker = token[3 if trim else 2:first_nl].rstrip("\r")
    body_start = start + first_nl + 1
    # the closing marker is on the token's last line
    stripped = token.rstrip("\r\n")
    last_nl = stripped.rfind("\n")
    body_end = start + (last_nl + 1 if last_nl >= first_nl else first_nl + 1)
    if stripped[last_nl + 1:].strip() != marker:
        body_end = start + len(token)
    span = (start + shift, start + len(token.rstrip("\r\n")) + shift)
    if not trim:
        tpl = template(text, body_start, body_end)
        return _shifted(Tpl(span, tpl.parts, tpl.directive), shift)
    lines = text[body_start:body_end].split("\n")
    indents = [len(line) - len(line.lstrip(" \t")) for line in lines if line.strip()]
    cut = min(indents) if indents else 0
    kept = []
    at = body_start
    for k, line in enumerate(lines):
        drop = min(cut, len(line) - len(line.lstrip(" \t")))
        kept.extend(range(at + drop, at + len(line)))
        if k < len(lines) - 1:
            kept.append(at + len(line))  # the newline
        at += len(line) + 1
    tpl = template(text, 0, 0, base=body_start, lines=kept)
    return _shifted(Tpl(span, tpl.parts, tpl.directive), shift)


def _shifted(tpl: Tpl, shift: int) -> Tpl:
    if not shift:
        return tpl
    parts = []
    for p in tpl.parts:
        if isinstance(p, Run):
            parts.append(Run(p.text, [o + shift for o in p.offsets]))
        else:
            parts.append(Interp(p.text, (p.span[0] + shift, p.span[1] + shift), p.node))
    return Tpl(tpl.span, parts, tpl.directive)
