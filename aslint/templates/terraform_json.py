"""Terraform's JSON syntax (``*.tf.json``) read into the same tree as HCL sources.

Objects and arrays are what they say; a string is a template (``"${aws_iam_role.r.arn}"``,
``"${jsonencode({...})}"``), each of its interpolations parsed as an HCL expression, with every
character mapped to its offset in the JSON file (escapes included). Which keys are nested blocks
cannot be known without the provider's schema, so the blocks aslint reads are named:
``statement``, ``principals``, ``not_principals``, ``condition``, ``inline_policy``, ``dynamic``.
"""

from __future__ import annotations

from aslint.core.embedded import char_offsets
from aslint.core.pointer import join
from aslint.templates import hcl

BLOCKS = ("statement", "principals", "not_principals", "condition", "inline_policy", "dynamic")
LABELLED = {"resource": 2, "data": 2, "module": 1, "variable": 1, "output": 1, "provider": 1}


def body(doc) -> hcl.Body:
    """The Body of a parsed ``.tf.json`` Document (``doc.data`` must be an object)."""
    return _Reader(doc).top()


class _Reader:
    def __init__(self, doc):
        self.doc = doc

    def span(self, pointer):
        s = self.doc.spans.get(pointer)
        return (tuple(s.value), tuple(s.key) if s.key else tuple(s.value)) if s is not None else ((0, 0), (0, 0))

    def top(self) -> hcl.Body:
        out = hcl.Body()
        data = self.doc.data
        for kind, value in data.items():
            ptr = join("", kind)
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                iptr = join(ptr, i) if isinstance(value, list) else ptr
                if not isinstance(item, dict):
                    continue
                if kind == "locals":
                    vspan, kspan = self.span(iptr)
                    out.blocks.append(hcl.Block("locals", [], kspan, self.block_body(item, iptr, attrs_only=True), vspan))
                elif kind in LABELLED:
                    self.labelled(out, kind, item, iptr, [], LABELLED[kind])
        return out

    def labelled(self, out, kind, item, ptr, labels, depth):
        for label, value in item.items():
            lptr = join(ptr, label)
            bodies = value if isinstance(value, list) else [value]
            for i, b in enumerate(bodies):
                bptr = join(lptr, i) if isinstance(value, list) else lptr
                if not isinstance(b, dict):
                    continue
                if depth > 1:
                    self.labelled(out, kind, b, bptr, labels + [label], depth - 1)
                else:
                    vspan, kspan = self.span(bptr)
                    out.blocks.append(hcl.Block(kind, labels + [label], kspan, self.block_body(b, bptr), vspan))

    def block_body(self, item: dict, ptr: str, attrs_only: bool = False) -> hcl.Body:
        out = hcl.Body()
        for key, value in item.items():
            kptr = join(ptr, key)
            vspan, kspan = self.span(kptr)
            if not attrs_only and key in BLOCKS and isinstance(value, (dict, list)):
                items = value if isinstance(value, list) else [value]
                for i, b in enumerate(items):
                    bptr = join(kptr, i) if isinstance(value, list) else kptr
                    if isinstance(b, dict):
                        bspan, _ = self.span(bptr)
                        out.blocks.append(hcl.Block(key, [], kspan, self.block_body(b, bptr), bspan))
                continue
            out.attrs[key] = hcl.Attr(key, kspan, self.node(value, kptr), (kspan[0], vspan[1]))
        return out

    def node(self, value, ptr: str):
        vspan, _ = self.span(ptr)
        if isinstance(value, dict):
            items = []
            for key, item in value.items():
                kptr = join(ptr, key)
                items.append((key, self.span(kptr)[1], self.node(item, kptr)))
            return hcl.Obj(vspan, items)
        if isinstance(value, list):
            return hcl.Tup(vspan, [self.node(item, join(ptr, i)) for i, item in enumerate(value)])
        if isinstance(value, str):
            return self.string(value, ptr, vspan)
        return hcl.Lit(vspan, value)

    def string(self, value: str, ptr: str, vspan) -> hcl.Tpl:
        offsets = char_offsets(self.doc, ptr)
        if offsets is None or len(offsets) != len(value) + 1:
            offsets = [vspan[0]] * len(value) + [vspan[1]]
        tpl = hcl.template(value, 0, len(value))
        parts = []
        for part in tpl.parts:
            if isinstance(part, hcl.Run):
                parts.append(hcl.Run(part.text, [offsets[o] for o in part.offsets]))
                continue
            a, b = part.span
            span = (offsets[a], offsets[b] if b < len(offsets) else offsets[-1])
            inner = None
            if part.text.startswith("${"):
                try:
                    inner = hcl.parse_expression(part.text[2:-1])
                    inner = _remap(inner, offsets, a + 2)
                except (hcl.HclError, hcl.MissingParser):
                    inner = None
            parts.append(hcl.Interp(part.text, span, inner))
        return hcl.Tpl(vspan, hcl._merge(parts), tpl.directive)


def _at(offsets, base, o):
    i = base + o
    return offsets[i] if 0 <= i < len(offsets) else offsets[-1]


def _remap(node, offsets, base):
    """An expression parsed from inside a JSON string, its offsets moved into the JSON file."""
    def sp(span):
        return (_at(offsets, base, span[0]), _at(offsets, base, span[1]))

    node.span = sp(node.span)
    if isinstance(node, hcl.Obj):
        node.items = [(k, sp(ks), _remap(v, offsets, base)) for k, ks, v in node.items]
    elif isinstance(node, hcl.Tup):
        node.items = [_remap(v, offsets, base) for v in node.items]
    elif isinstance(node, hcl.Call):
        node.name_span = sp(node.name_span)
        node.args = [_remap(a, offsets, base) for a in node.args]
    elif isinstance(node, hcl.Tpl):
        parts = []
        for p in node.parts:
            if isinstance(p, hcl.Run):
                parts.append(hcl.Run(p.text, [_at(offsets, base, o) for o in p.offsets]))
            else:
                parts.append(hcl.Interp(p.text, sp(p.span), _remap(p.node, offsets, base) if p.node is not None else None))
        node.parts = parts
    return node
