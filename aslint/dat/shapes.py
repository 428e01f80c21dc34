"""The shape lattice of state data: what a JSON value can look like at a point of the workflow.

A shape is one of: ``TOP`` (unknown: the execution input, a Lambda result), an object
(:class:`Obj`: known members, each with a presence, and whether other members may exist), an
array (:class:`Arr`: the element shape, and the elements themselves when the length is known,
as for a Parallel result), a scalar (:class:`Scalar`: string, number, boolean or null) or a
union of those (:class:`Union`, at most one alternative of each kind).

A member's presence is ``YES`` (always there), ``MAYBE`` (depends on the data at run time: never
reported), ``PARTIAL`` (absent on some path through the workflow) or ``ABSENT``. An absent member
is *weak* when it would be there if the execution input carried it (the workflow meant to write
it, but on this path did not). Every object, array and absent member carries a note saying where
the data was last written or dropped (for messages); notes never take part in equality, so the
fixed point converges on structure alone.

Shapes are immutable. ``join`` is the least upper bound; every constructor bounds the depth
(:data:`DEPTH`) and the number of members (:data:`WIDTH`), so the lattice has finite height and
the data-flow over it ends.
"""

from __future__ import annotations

from aslint.core.record import dataclass, field

DEPTH = 8  # levels kept below the root; deeper data is unknown
WIDTH = 64  # members kept per object; an object with more is open (other members unknown)

YES, MAYBE, PARTIAL, ABSENT = "yes", "maybe", "partial", "absent"


class Shape:
    kind = "top"
    __slots__ = ()


class _Top(Shape):
    __slots__ = ()

    def __repr__(self):
        return "TOP"


TOP = _Top()


@dataclass(frozen=True)
class Member:
    shape: Shape
    presence: str = YES
    note: str = field(default="", compare=False)  # where it was written, or where it was dropped
    weak: bool = False  # absent only if the execution input lacks it


@dataclass(frozen=True)
class Obj(Shape):
    members: dict  # name -> Member (never mutated after construction)
    open: bool = False  # members not listed may exist (shape unknown)
    origin: str = field(default="", compare=False)
    kind = "object"

    def member(self, name: str) -> Member:
        m = self.members.get(name)
        if m is not None:
            return m
        if self.open:
            return Member(TOP, MAYBE)
        return Member(TOP, ABSENT, self.origin)

    def __hash__(self):  # pragma: no cover - shapes are compared, not hashed
        return id(self)


@dataclass(frozen=True)
class Arr(Shape):
    elem: Shape = TOP
    items: tuple | None = None  # the elements, when the length is known
    origin: str = field(default="", compare=False)
    kind = "array"


@dataclass(frozen=True)
class Scalar(Shape):
    type: str = "string"  # "string", "number", "boolean", "null"
    origin: str = field(default="", compare=False)

    @property
    def kind(self):
        return self.type


@dataclass(frozen=True)
class Union(Shape):
    alts: tuple = ()
    kind = "union"


def alternatives(shape):
    return shape.alts if isinstance(shape, Union) else (shape,)


def with_origin(shape: Shape, origin: str) -> Shape:
    """The same shape, noted as written by ``origin`` (objects, arrays and scalars)."""
    if isinstance(shape, Obj):
        return Obj(shape.members, shape.open, origin)
    if isinstance(shape, Arr):
        return Arr(shape.elem, shape.items, origin)
    if isinstance(shape, Scalar):
        return Scalar(shape.type, origin)
    if isinstance(shape, Union):
        return Union(tuple(with_origin(a, origin) for a in shape.alts))
    return shape


# -- join -------------------------------------------------------------------------------------

def join(a, b, depth: int = 0):
    """Least upper bound of two shapes (``None`` is bottom: not reached)."""
    if a is None:
        return b
    if b is None or a is b:
        return a
    if a is TOP or b is TOP:
        other = b if a is TOP else a
        return _with_unknown(other)
    if depth >= DEPTH:
        return TOP
    if isinstance(a, Union) or isinstance(b, Union) or a.kind != b.kind:
        return _union(alternatives(a) + alternatives(b), depth)
    if isinstance(a, Obj):
        return _join_obj(a, b, depth)
    if isinstance(a, Arr):
        items = None
        if a.items is not None and b.items is not None and len(a.items) == len(b.items):
            items = tuple(join(x, y, depth + 1) for x, y in zip(a.items, b.items))
            if all(i is j for i, j in zip(items, a.items)):
                items = a.items
        elem = join(a.elem, b.elem, depth + 1)
        if elem is a.elem and items is a.items:
            return a
        return Arr(elem, items, a.origin or b.origin)
    return a  # two scalars of one type


def _with_unknown(shape):
    """Join with TOP: an object keeps its members (absent ones become absent on *some* path)."""
    if isinstance(shape, Obj):
        members = {}
        for name, m in shape.members.items():
            members[name] = _join_member(m, Member(TOP, MAYBE))
        return Obj(members, True, shape.origin)
    if isinstance(shape, Union):
        objs = [a for a in shape.alts if isinstance(a, Obj)]
        return _with_unknown(objs[0]) if objs else TOP
    return TOP


def _union(alts, depth):
    by_kind: dict = {}
    for alt in alts:
        if alt is TOP:
            return TOP
        old = by_kind.get(alt.kind)
        by_kind[alt.kind] = alt if old is None else join(old, alt, depth)
    if len(by_kind) == 1:
        return next(iter(by_kind.values()))
    return Union(tuple(by_kind[k] for k in sorted(by_kind)))


def _join_member(x: Member, y: Member, depth: int = 0) -> Member:
    if x is y:
        return x
    px, py = x.presence, y.presence
    if px == ABSENT and py == ABSENT:
        if x.weak or not y.weak:
            return x
        return Member(TOP, ABSENT, x.note or y.note, True)
    if px == ABSENT or py == ABSENT:
        gone, kept = (x, y) if px == ABSENT else (y, x)
        if kept is x and px == PARTIAL and (x.weak or not gone.weak):
            return x
        note = gone.note if kept.presence != PARTIAL else (kept.note or gone.note)
        return Member(kept.shape, PARTIAL, note, gone.weak or kept.weak)
    shape = join(x.shape, y.shape, depth + 1)
    if PARTIAL in (px, py):
        if shape is x.shape and px == PARTIAL and (x.weak or not y.weak):
            return x
        part = x if px == PARTIAL else y
        return Member(shape, PARTIAL, part.note, x.weak or y.weak)
    presence = YES if px == YES and py == YES else MAYBE
    if shape is x.shape and presence == px:
        return x
    return Member(shape, presence, x.note or y.note)


def _join_obj(a: Obj, b: Obj, depth: int) -> Obj:
    am, bm = a.members, b.members
    get = am.get
    diff = [k for k, y in bm.items() if get(k) is not y]  # most members are shared objects
    missing = am.keys() - bm.keys() if len(am) + len(diff) > len(bm) else ()
    if not diff and not missing and (a.open or not b.open):
        return a
    members = dict(am)
    changed = b.open and not a.open
    for name in diff:
        x = get(name)
        got = _join_member(x if x is not None else a.member(name), bm[name], depth)
        changed = changed or got is not x
        members[name] = got
    for name in missing:
        x = am[name]
        got = _join_member(x, b.member(name), depth)
        changed = changed or got is not x
        members[name] = got
    if not changed:
        return a
    if len(members) > WIDTH:
        return Obj({}, True, a.origin or b.origin)
    return Obj(members, a.open or b.open, a.origin or b.origin)


# -- building shapes --------------------------------------------------------------------------

def of_literal(value, origin: str = "", depth: int = 0, keep=None) -> Shape:
    """The shape of a literal JSON value written in the definition (closed objects).

    ``keep``: the member names any read of the definition uses (None: all); other members are
    never asked for, so they are left out (a closed object stays closed)."""
    if depth > DEPTH:
        return TOP
    if isinstance(value, dict):
        if len(value) > WIDTH:
            return Obj({}, True, origin)
        return Obj({str(k): Member(of_literal(v, origin, depth + 1, keep), YES, origin) for k, v in value.items()
                    if keep is None or k in keep}, False, origin)
    if isinstance(value, list):
        items = tuple(of_literal(v, origin, depth + 1, keep) for v in value[:WIDTH])
        if len(value) > WIDTH:
            return Arr(TOP, None, origin)
        return array_of(items, origin)
    if isinstance(value, bool):
        return Scalar("boolean", origin)
    if isinstance(value, (int, float)):
        return Scalar("number", origin)
    if isinstance(value, str):
        return Scalar("string", origin)
    if value is None:
        return Scalar("null", origin)
    return TOP


def array_of(items: tuple, origin: str = "") -> Arr:
    """An array of known length: its elements, and their join as the element shape."""
    elem = None
    for it in items:
        elem = join(elem, it)
    return Arr(elem if elem is not None else TOP, items, origin)


def of_spec(spec, origin: str = "", depth: int = 0, keep=None) -> Shape:
    """A shape from its description as data (the integrations' result shapes).

    ``{"type": "object", "members": {name: spec}, "maybe": [names], "open": bool,
    "absent": {name: why}}``, ``{"type": "array", "items": spec}``, ``{"type": "string"}``
    (number, boolean, null), ``{"type": "any"}``.
    """
    if not isinstance(spec, dict) or depth > DEPTH:
        return TOP
    t = spec.get("type", "any")
    if t == "object":
        kept, absent, is_open = _object_plan(spec, keep)
        members = {name: Member(of_spec(sub, origin, depth + 1, keep), presence, origin) for name, sub, presence in kept}
        for name, text in absent:
            # a note that knows its state (analysis.Note) gives one for the same place
            note = origin.derive(text) if hasattr(origin, "derive") else text
            members[name] = Member(TOP, ABSENT, note)
        return Obj(members, is_open, origin)
    if t == "array":
        return Arr(of_spec(spec.get("items"), origin, depth + 1, keep), None, origin)
    if t in ("string", "number", "boolean", "null"):
        return Scalar(t, origin)
    return TOP


_PLANS: dict = {}  # (id(spec), keep) -> (spec, plan): the table's specs live as long as the process


def _object_plan(spec: dict, keep):
    """([(name, member spec, presence)], [(absent name, note text)], open) of an object spec, only
    the names in ``keep``: worked out once per spec and set of names, not once per task."""
    key = (id(spec), keep)
    got = _PLANS.get(key)
    if got is not None and got[0] is spec:
        return got[1]
    maybe = set(spec.get("maybe", ()))
    kept = [(name, sub, MAYBE if name in maybe else YES) for name, sub in spec.get("members", {}).items()
            if keep is None or name in keep]
    absent = [(name, f"is not returned: {why}" if why else "is not returned")
              for name, why in spec.get("absent", {}).items() if keep is None or name in keep]
    plan = (kept, absent, bool(spec.get("open", False)))
    if len(_PLANS) >= 4096:
        _PLANS.clear()
    _PLANS[key] = (spec, plan)
    return plan


EMPTY = Obj({}, False, "")
#: an always-present member of unknown shape (shared: notes matter only for absent members)
TOP_YES = Member(TOP, YES)


def describe(shape: Shape) -> str:
    """'an array', 'a string', … for messages."""
    kind = shape.kind
    return {"object": "an object", "array": "an array", "string": "a string", "number": "a number",
            "boolean": "a boolean", "null": "null", "union": "a value of several kinds"}.get(kind, "a value")
