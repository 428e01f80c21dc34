"""Reading and writing shapes along JSONPath Reference Paths (``$.a.b``, ``$['a'][0]``).

``segments(path)`` splits a definite path into ("m", name) / ("i", index) steps, or returns None
for a path this analysis does not follow (wildcards, filters, slices, ``..``: Step Functions
returns what matches, possibly nothing, so such reads are never reported).
``walk(shape, steps)`` follows the steps and says whether the read can succeed: on every path,
on some, or on none, and where it breaks. ``put(shape, steps, value)`` is ResultPath's merge.
"""

from __future__ import annotations

import functools
from aslint.core import lazyre
import re
from aslint.core.record import dataclass

from aslint.dat.shapes import ABSENT, DEPTH, PARTIAL, TOP, WIDTH, YES, Arr, Member, Obj, Scalar, Union, join

_STEP = lazyre.compile(r"\.([A-Za-z0-9_@$-][^.\[\]'\"()?,:* \t]*)|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*\"((?:[^\"\\]|\\.)*)\"\s*\]|\[\s*(\d+)\s*\]")


@functools.lru_cache(maxsize=8192)
def segments(path: str):
    """('$' root kind, steps) for a definite path; None for anything else.

    Root kinds: "input" (``$``), "context" (``$$``), "variable:<name>" (``$name``).
    """
    if not isinstance(path, str) or not path.startswith("$") or "${" in path:
        return None
    text = path.rstrip()
    if text.startswith("$$"):
        root, pos = "context", 2
    else:
        m = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)", text)
        root, pos = ("variable:" + m.group(1), m.end()) if m else ("input", 1)
    steps = []
    while pos < len(text):
        m = _STEP.match(text, pos)
        if m is None:
            return None
        name, q1, q2, index = m.groups()
        if index is not None:
            steps.append(("i", int(index)))
        else:
            steps.append(("m", name if name is not None else (q1 if q1 is not None else q2)))
        pos = m.end()
    return root, tuple(steps)


def show(steps, root: str = "$", upto: int | None = None) -> str:
    """The path text of the first ``upto`` steps (``$.a.b[0]``)."""
    out = [root]
    for kind, value in steps[:upto]:
        if kind == "i":
            out.append(f"[{value}]")
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", value):
            out.append("." + value)
        else:
            out.append(f"['{value}']")
    return "".join(out)


@dataclass(frozen=True)
class Break:
    """Where and why a read fails. ``certain``: on every path that reaches it (else on some)."""

    at: int  # index of the step that fails (0-based)
    why: str  # "absent", "array", "scalar", "index"
    note: str  # where the data was last written or dropped
    certain: bool
    shape_kind: str = ""  # what was found instead (for "array"/"scalar")


def walk(shape, steps, jsonata: bool = False):
    """(value shape, Break or None) of reading ``steps`` from ``shape``.

    JSONPath: a missing member, a member of an array or of a scalar, fails the read. JSONata:
    a member of an array maps over its elements (not followed); a member of a missing value or
    of a scalar yields nothing, which fails the field when it is the whole expression.
    """
    partial = None  # the first Break that holds only on some paths
    cur = shape
    for k, (kind, value) in enumerate(steps):
        if cur is TOP:
            return TOP, partial
        alts = cur.alts if isinstance(cur, Union) else (cur,)
        nxt = None
        failing = None
        for alt in alts:
            got, brk = _step(alt, kind, value, k, jsonata)
            if brk is None:
                nxt = join(nxt, got)
                continue
            if brk.certain and len(alts) > 1:
                brk = Break(brk.at, brk.why, brk.note, False, brk.shape_kind)
            if brk.certain:
                return TOP, brk
            failing = failing or brk
            if got is not None:
                nxt = join(nxt, got)
        if failing is not None and partial is None:
            partial = failing
        if nxt is None:  # every alternative failed, each only on some path
            return TOP, partial
        cur = nxt
    return cur, partial


def _step(shape, kind, value, k, jsonata):
    if isinstance(shape, Obj):
        if kind == "i":  # an open object may stand for data of any kind (joined with unknown)
            return TOP, (None if jsonata or shape.open else Break(k, "index", shape.origin, True, "object"))
        m = shape.member(value)
        if m.presence == ABSENT:
            return None, Break(k, "absent", m.note, not m.weak)
        if m.presence == PARTIAL:
            return m.shape, Break(k, "absent", m.note, False)
        return m.shape, None
    if isinstance(shape, Arr):
        if kind == "i":
            if shape.items is not None and value < len(shape.items):
                return shape.items[value], None
            return shape.elem, None  # an index past the end reads null (Step Functions is lenient)
        if jsonata:
            return TOP, None
        return None, Break(k, "array", shape.origin, True, "array")
    if isinstance(shape, Scalar):
        if jsonata and shape.type == "null":
            return None, Break(k, "scalar", shape.origin, True, "null")
        return None, Break(k, "scalar", shape.origin, True, shape.type)
    return TOP, None


def put(shape, steps, value, note: str, depth: int = 0, keep=None):
    """ResultPath: ``value`` placed at ``steps`` inside ``shape`` (missing objects are created).
    A member no read ever names (not in ``keep``) is not tracked."""
    if not steps:
        return value
    if depth >= DEPTH:
        return TOP
    kind, name = steps[0]
    if keep is not None and kind == "m" and name not in keep:
        return shape
    if kind == "i":
        if isinstance(shape, Arr) and shape.items is not None and name < len(shape.items):
            items = list(shape.items)
            items[name] = put(items[name], steps[1:], value, note, depth + 1, keep)
            return Arr(join(shape.elem, items[name]), tuple(items), shape.origin)
        return TOP if not isinstance(shape, Arr) else Arr(TOP, None, shape.origin)
    if isinstance(shape, Obj):
        base = shape
    elif shape is TOP:
        base = Obj({}, True, "")
    elif isinstance(shape, Union):
        objs = [a for a in shape.alts if isinstance(a, Obj)]
        base = objs[0] if objs else Obj({}, True, "")
    else:
        return TOP  # ResultPath into a scalar or an array: States.ResultPathMatchFailure (catchable)
    old = base.members.get(name)
    if len(steps) == 1:
        inner_old = TOP
    elif old is None:
        inner_old = TOP if base.open else Obj({}, False, note)  # an object ResultPath creates
    elif old.presence == ABSENT:
        inner_old = TOP if old.weak else Obj({}, False, note)
    else:
        inner_old = old.shape
    members = dict(base.members)
    members[name] = Member(put(inner_old, steps[1:], value, note, depth + 1, keep), YES, note)
    if len(members) > WIDTH:
        return Obj({}, True, base.origin)
    return Obj(members, base.open, base.origin)


def drop(shape, steps, note: str):
    """``shape`` with the member at ``steps`` marked absent unless it was there already: the
    input a Catch passes on, in which the failed state's own ResultPath was never written."""
    if not steps or shape is TOP:
        if shape is TOP and len(steps) == 1 and steps[0][0] == "m":
            return Obj({steps[0][1]: Member(TOP, ABSENT, note, True)}, True, "")
        return shape
    if not isinstance(shape, Obj):
        return shape
    kind, name = steps[0]
    if kind != "m":
        return shape
    old = shape.member(name)
    members = dict(shape.members)
    if len(steps) == 1:
        if old.presence in (YES, PARTIAL):
            return shape
        if old.presence == ABSENT:
            members[name] = Member(TOP, ABSENT, note, old.weak)
        else:  # unknown: it might come from the execution input
            members[name] = Member(TOP, ABSENT, note, True)
        return Obj(members, shape.open, shape.origin)
    if old.presence != YES:
        return shape
    members[name] = Member(drop(old.shape, steps[1:], note), YES, old.note, old.weak)
    return Obj(members, shape.open, shape.origin)


def refine(shape, steps, present: bool, note: str = ""):
    """``shape`` with the member at ``steps`` known present (or absent): a Choice IsPresent test.
    None when the member cannot be present (the Choice never takes that edge)."""
    if not steps or steps[0][0] != "m":
        return shape
    if not isinstance(shape, Obj):
        if shape is TOP and present:
            shape = Obj({}, True, "")
        else:
            return shape
    name = steps[0][1]
    old = shape.member(name)
    members = dict(shape.members)
    if len(steps) == 1:
        if present:
            if old.presence == ABSENT:
                if not old.weak:
                    return None  # it cannot be present: this edge is never taken
                members[name] = Member(TOP, YES, old.note)  # so it came with the execution input
            else:
                members[name] = Member(old.shape, YES, old.note)
        else:
            members[name] = Member(TOP, ABSENT, note or "a Choice rule that found it absent", False)
        return Obj(members, shape.open, shape.origin)
    if not present:
        return shape  # absent deeper down: nothing to say about the prefix
    if old.presence == ABSENT:
        return None if not old.weak else shape
    inner = refine(old.shape, steps[1:], True, note)
    if inner is None:
        return None
    members[name] = Member(inner, YES, old.note)
    return Obj(members, shape.open, shape.origin)
