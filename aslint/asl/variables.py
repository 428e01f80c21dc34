"""Workflow variables: where they are assigned (``Assign``) and where they are read.

``assignments(doc)``: name -> list of (state, pointer of the Assign key) for every ``Assign``
of a state, a Catch entry or a Choice rule, in both query languages.
``reads(doc)``: every variable read, as :class:`Read` (name, pointer of the string holding it,
state): ``$x.y`` values of `.$` keys and path fields in JSONPath states, paths inside intrinsic
calls, and ``$x`` inside JSONata expressions (minus local bindings and built-in functions).
Both are computed once per document.

Names (asl-facts.md §7, partly UNCERTAIN): a name starts with a letter or ``_`` (Unicode
ID_Start) and continues with letters, digits or ``_``; ``states`` is reserved.
"""

from __future__ import annotations

from aslint.core import lazyre
import re
from aslint.core.record import dataclass

from aslint.asl import intrinsics, jsonata, paths
from aslint.asl.model import model
from aslint.asl.sites import sites
from aslint.core.pointer import escape

RESERVED = frozenset({"states"})
MAX_NAME_LENGTH = 80  # UNCERTAIN (asl-facts.md §7): reported at warning level only
_NAME_RE = lazyre.compile(r"^[^\W\d]\w*$", re.UNICODE)


def name_problem(name) -> str | None:
    """Why ``name`` cannot be a variable name, or None."""
    if not isinstance(name, str) or not name:
        return "a variable name cannot be empty"
    if name in RESERVED:
        return f"'{name}' is reserved by Step Functions"
    if name.startswith("$"):
        return "the '$' is not part of the name"
    if name.endswith(".$"):
        return None  # a JSONPath-mode dynamic key; the name is the part before '.$'
    if not _NAME_RE.match(name):
        return "a '-', '.' or space ends a $name reference (use letters, digits and '_')"
    return None


def suggest(name: str) -> str:
    """A readable variable name close to ``name`` (invalid characters become '_')."""
    fixed = re.sub(r"\W", "_", name)
    return fixed if fixed and not fixed[0].isdigit() else "_" + fixed


def assigned_name(key: str) -> str:
    return key[:-2] if isinstance(key, str) and key.endswith(".$") else key


@dataclass
class Read:
    name: str
    pointer: str
    state: object  # StateRef
    text: str


def assignments(doc) -> dict:
    cached = doc.cache.get("asl.var.assign")
    if cached is not None:
        return cached
    out: dict = {}
    for ref in model(doc).states:
        node = ref.node
        if not isinstance(node, dict):
            continue
        holders = [(f"{ref.pointer}/Assign", node.get("Assign"))]
        for key in ("Catch", "Choices"):
            items = node.get(key)
            if isinstance(items, list):
                holders.extend((f"{ref.pointer}/{key}/{i}/Assign", item.get("Assign"))
                               for i, item in enumerate(items) if isinstance(item, dict))
        for pointer, assign in holders:
            if isinstance(assign, dict):
                for key in assign:
                    out.setdefault(assigned_name(key), []).append((ref, f"{pointer}/{escape(key)}"))
    doc.cache["asl.var.assign"] = out
    return out


def reads(doc) -> list:
    cached = doc.cache.get("asl.var.reads")
    if cached is not None:
        return cached
    out: list = []
    s = sites(doc)
    for site in s.paths + s.templates:
        value = site.value
        if not isinstance(value, str):
            continue
        for name in _jsonpath_reads(value):
            out.append(Read(name, site.pointer, site.state, value))
    for site in s.jsonata:
        if jsonata.is_expression(site.value):
            for name, _member, _offset in jsonata.references(site.value):
                if name != "states":
                    out.append(Read(name, site.pointer, site.state, site.value))
    doc.cache["asl.var.reads"] = out
    return out


def _jsonpath_reads(value: str):
    if value.startswith("$"):
        name = paths.variable_of(value)
        if name:
            yield name
        return
    if intrinsics.looks_like_call(value):
        try:
            call = intrinsics.parse(value)
        except intrinsics.IntrinsicSyntaxError:
            return
        for c in call.walk():
            for arg in c.args:
                if isinstance(arg, intrinsics.PathArg):
                    name = paths.variable_of(arg.text)
                    if name:
                        yield name
