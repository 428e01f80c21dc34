"""A Terraform module as aslint reads it: its ``.tf`` files parsed (never evaluated), each with a
Document whose data is shaped like Terraform's JSON syntax (``/resource/<type>/<name>/<arg>``)
and whose spans are the HCL source positions, so a pointer names the characters the user wrote.

A module is a folder. Its other files are read only for what a state machine refers to (roles,
policies, ``locals``), parsed once per process while unchanged, and bounded in number and size.
"""

from __future__ import annotations

import os
import re

from aslint.core.document import Document
from aslint.core.pointer import join
from aslint.core.positions import Span
from aslint.templates import hcl

#: files over this size are not parsed (python-hcl2 reads ~100 KB/s)
MAX_HCL_BYTES = 512 * 1024
MAX_MODULE_FILES = 200
SUFFIXES = (".tf", ".tf.json")
_cache: dict = {}
_mentions: dict = {}


class TooLarge(Exception):
    """A Terraform source over MAX_HCL_BYTES (parsing is linear, but python-hcl2 reads ~100 KB/s)."""


class FileModel:
    """One parsed ``.tf`` file: its Body and its Document."""

    def __init__(self, path: str, text: str, body: hcl.Body):
        self.path = path
        self.text = text
        self.body = body
        self._doc = None

    @property
    def document(self) -> Document:
        if self._doc is None:
            spans: dict = {}
            data = render_body(self.body, self.text, "", spans)
            spans.setdefault("", Span((0, len(self.text))))
            self._doc = Document(self.path, self.text, "hcl", data, spans=spans, duplicates=[])
        return self._doc

    def fresh_document(self) -> Document:
        """A new Document of this file (each lint run gets its own; the parse is shared)."""
        self._doc = None
        return self.document

    def resources(self, type_: str):
        for block in self.body.blocks:
            if block.type == "resource" and len(block.labels) == 2 and block.labels[0] == type_:
                yield block

    def data_sources(self, type_: str):
        for block in self.body.blocks:
            if block.type == "data" and len(block.labels) == 2 and block.labels[0] == type_:
                yield block

    def locals(self) -> dict:
        out = {}
        for block in self.body.blocks:
            if block.type == "locals" and not block.labels:
                out.update(block.body.attrs)
        return out


def block_pointer(block) -> str:
    """The pointer of a top-level block in the file's Document."""
    return join("/" + block.type, *block.labels)


# -- rendering: HCL nodes to JSON-like data with spans ------------------------------------------------

def render(node, text: str, pointer: str, spans: dict, key_span=None):
    """The data a node stands for; unknown values become ``${<source>}`` strings."""
    spans[pointer] = Span(tuple(node.span), tuple(key_span) if key_span else None)
    if isinstance(node, hcl.Obj):
        out = {}
        for key, kspan, value in node.items:
            out[key] = render(value, text, join(pointer, key), spans, kspan)
        return out
    if isinstance(node, hcl.Tup):
        return [render(item, text, join(pointer, i), spans) for i, item in enumerate(node.items)]
    if isinstance(node, hcl.Lit):
        return node.value
    if isinstance(node, hcl.Tpl):
        if node.directive:
            return hcl.placeholder(node, text)
        return "".join(p.text for p in node.parts)
    return hcl.placeholder(node, text)


def render_body(body: hcl.Body, text: str, pointer: str, spans: dict) -> dict:
    out: dict = {}
    for name, attr in body.attrs.items():
        out[name] = render(attr.value, text, join(pointer, name), spans, attr.name_span)
    labelled: dict = {}
    for block in body.blocks:
        if block.labels and not pointer:
            # top-level labelled blocks nest by label, as in Terraform's JSON syntax
            here = out.setdefault(block.type, {})
            base = join(pointer, block.type)
            spans.setdefault(base, Span(tuple(block.span), tuple(block.type_span)))
            for label in block.labels[:-1]:
                here = here.setdefault(label, {})
                base = join(base, label)
                spans.setdefault(base, Span(tuple(block.span), tuple(block.type_span)))
            if block.labels[-1] in here:
                continue  # a duplicate block: Terraform rejects it; the first is kept
            ptr = join(base, block.labels[-1])
            spans[ptr] = Span(tuple(block.span), tuple(block.type_span))
            here[block.labels[-1]] = render_body(block.body, text, ptr, spans)
        elif not block.labels and block.type == "locals" and not pointer:
            here = out.setdefault("locals", {})
            spans.setdefault("/locals", Span(tuple(block.span), tuple(block.type_span)))
            for name, attr in block.body.attrs.items():
                here[name] = render(attr.value, text, join("/locals", name), spans, attr.name_span)
        else:
            # nested blocks (statement, condition, inline_policy, …): a list per type
            items = labelled.setdefault(block.type, [])
            ptr = join(pointer, block.type, len(items))
            spans.setdefault(join(pointer, block.type), Span(tuple(block.span), tuple(block.type_span)))
            spans[ptr] = Span(tuple(block.span), tuple(block.type_span))
            items.append(render_body(block.body, text, ptr, spans))
    for type_, items in labelled.items():
        out.setdefault(type_, items)
    return out


def block_child_pointer(parent_ptr: str, body: hcl.Body, block) -> str:
    """The pointer of a nested block inside ``body`` (rendered as a list per block type)."""
    same = [b for b in body.blocks if b.type == block.type]
    return join(parent_ptr, block.type, same.index(block))


# -- reading files ------------------------------------------------------------------------------------

def parse_file(path: str, text: str) -> FileModel:
    """Raises hcl.HclError (also for bad JSON in a ``.tf.json``), hcl.MissingParser."""
    if len(text) > MAX_HCL_BYTES:
        raise TooLarge(f"is {len(text):,} characters, over aslint's {MAX_HCL_BYTES // 1024} KiB limit for "
                       "Terraform sources; not read")
    if path.lower().endswith(".tf.json"):
        from aslint.core.loader import parse
        from aslint.templates import terraform_json

        docs, problem = parse(path, text, "json")
        if problem is not None:
            raise hcl.HclError(problem.message, problem.offset)
        if not docs or not isinstance(docs[0].data, dict):
            raise hcl.HclError("a Terraform JSON file holds an object", 0)
        return FileModel(path, text, terraform_json.body(docs[0]))
    return FileModel(path, text, hcl.parse(text))


def cached_file(path: str) -> FileModel | None:
    """A module file, parsed once per process while it does not change; None when it cannot be
    read or parsed (its own lint run reports that)."""
    from aslint.core.loader import read_text
    from aslint.core.workspace import current

    key = os.path.abspath(path)
    try:
        stamp = current().stamp(key)
    except OSError:
        return None
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    model = None
    text, problem = read_text(key)
    if problem is None and text is not None and len(text) <= MAX_HCL_BYTES:
        try:
            model = parse_file(path, text)
        except (hcl.HclError, hcl.MissingParser, TooLarge):
            model = None
    if len(_cache) > 1024:
        _cache.clear()
    _cache[key] = (stamp, model)
    return model


def module_files(path: str) -> list:
    """The other ``.tf`` files of the folder of ``path`` (sorted, at most MAX_MODULE_FILES)."""
    from aslint.core.workspace import current

    if path in ("", "-"):
        return []
    folder = os.path.dirname(os.path.abspath(path))
    me = os.path.abspath(path)
    names = [n for n in current().names(folder) if n.endswith(SUFFIXES)]
    return [os.path.join(folder, n) for n in names[:MAX_MODULE_FILES] if os.path.join(folder, n) != me]


def mentions(path: str, words: tuple) -> bool:
    """Whether the file's text contains any of ``words`` (a cheap filter before parsing; the answer
    is kept per file version, so a folder of n files is read n times, not n squared)."""
    from aslint.core.loader import read_text
    from aslint.core.workspace import current

    key = os.path.abspath(path)
    try:
        stamp = current().stamp(key)
    except OSError:
        return False
    hit = _mentions.get((key, words))
    if hit is not None and hit[0] == stamp:
        return hit[1]
    text, problem = read_text(key)
    found = problem is None and text is not None and any(w in text for w in words)
    if len(_mentions) > 4096:
        _mentions.clear()
    _mentions[(key, words)] = (stamp, found)
    return found


class Module:
    """The file being linted and the module files it refers to."""

    def __init__(self, main: FileModel):
        self.main = main
        self._others = None

    @property
    def files(self) -> list:
        if self._others is None:
            self._others = []
            for other in module_files(self.main.path):
                if mentions(other, ("aws_iam_", "locals")):
                    model = cached_file(other)
                    if model is not None:
                        model.fresh_document()
                        self._others.append(model)
        return [self.main] + self._others

    def find(self, kind: str, type_: str, name: str):
        """(FileModel, block) of ``resource``/``data`` ``type_`` ``name`` in the module, or None."""
        for model in self.files:
            for block in (model.resources(type_) if kind == "resource" else model.data_sources(type_)):
                if block.labels[1] == name:
                    return model, block
        return None

    def all(self, kind: str, type_: str):
        for model in self.files:
            for block in (model.resources(type_) if kind == "resource" else model.data_sources(type_)):
                yield model, block

    def local(self, name: str):
        for model in self.files:
            attr = model.locals().get(name)
            if attr is not None:
                return model, attr
        return None

    def resolve(self, model: FileModel, node, pointer: str, depth: int = 0):
        """Follow ``local.x`` (and ``"${local.x}"``) to the expression it names: (model, node, pointer)."""
        while depth < 8:
            node = unwrap(node)
            ref = reference(node)
            if ref is None or not ref.startswith("local.") or ref.count(".") != 1:
                break
            found = self.local(ref.split(".", 1)[1])
            if found is None:
                break
            model, node, pointer = found[0], found[1].value, join("/locals", found[1].name)
            depth += 1
        return model, node, pointer


def unwrap(node):
    """``"${expr}"`` alone is ``expr`` itself (Terraform keeps its value as it is)."""
    if isinstance(node, hcl.Tpl) and len(node.parts) == 1 and isinstance(node.parts[0], hcl.Interp) \
            and node.parts[0].node is not None and not node.directive:
        return node.parts[0].node
    return node


_INDEX = re.compile(r"\[[^\]]*\]")


def reference(node) -> str | None:
    """The traversal a node is (``aws_iam_role.r.arn``), also when written ``"${aws_iam_role.r.arn}"``;
    indexes are dropped (``aws_iam_role.r[0].arn``: every instance of a counted resource is alike)."""
    if isinstance(node, hcl.Tpl) and len(node.parts) == 1 and isinstance(node.parts[0], hcl.Interp):
        node = node.parts[0].node
    if isinstance(node, hcl.Ref):
        return _INDEX.sub("", node.text) if "[" in node.text else node.text
    return None


def literal_string(node) -> str | None:
    if isinstance(node, hcl.Tpl) and node.literal:
        return node.text
    return None
