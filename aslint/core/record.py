"""``@dataclass`` and ``field`` for aslint's own record classes, cheap to define at start-up.

The standard ``dataclasses`` imports ``inspect`` (and with it ``ast``, ``dis``, ``tokenize``) and
compiles three or four methods per class: about a third of a small run's instructions for the
44 record classes aslint defines. This builds one ``__init__`` per class from a template and
shares generic ``__eq__``/``__hash__``/``__repr__``; it supports what aslint's classes use
(defaults, ``field(default=…, default_factory=…, compare=…, repr=…)``, ``frozen``, ``slots``) and behaves
like ``dataclasses`` for them: same constructor signature, equality and hash over the fields in
order, frozen instances raise :class:`FrozenInstanceError` (an ``AttributeError``), ``eq`` without
``frozen`` makes instances unhashable unless the class defines ``__hash__``, methods the class
defines itself are kept, and a base record's fields come first.
"""

from __future__ import annotations

from operator import attrgetter

__all__ = ["FrozenInstanceError", "dataclass", "field"]

MISSING = object()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen record."""


class Field:
    __slots__ = ("default", "default_factory", "compare", "repr")

    def __init__(self, default=MISSING, default_factory=MISSING, compare=True, repr=True):  # noqa: A002
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.default = default
        self.default_factory = default_factory
        self.compare = compare  # part of __eq__ and __hash__
        self.repr = repr


def field(*, default=MISSING, default_factory=MISSING, compare=True, repr=True) -> Field:  # noqa: A002
    return Field(default, default_factory, compare, repr)


def dataclass(cls=None, /, *, frozen: bool = False, slots: bool = False):
    def wrap(c):
        return _process(c, frozen, slots)

    return wrap if cls is None else wrap(cls)


def _is_classvar(annotation) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar", "t.ClassVar"))


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self):
    return [getattr(self, name) for name in self.__record_fields__]


def _setstate(self, state):
    for name, value in zip(self.__record_fields__, state):
        object.__setattr__(self, name, value)


def _deferred_init(source: str, namespace: dict, qualname: str):
    """An ``__init__`` that compiles the real one from ``source`` when the class is first
    instantiated, puts it in its own place on the class, and runs it: a class a run never
    instantiates costs no compile (a third of the record helper's start-up)."""

    def __init__(self, *args, **kwargs):
        real = namespace.get("__init__")
        if real is None:
            exec(source, namespace)  # noqa: S102 - a template of aslint's own field names, never input text
            real = namespace["__init__"]
            real.__qualname__ = qualname
        for klass in type(self).__mro__:
            if klass.__dict__.get("__init__") is __init__:
                type.__setattr__(klass, "__init__", real)
                break
        real(self, *args, **kwargs)

    __init__.__qualname__ = qualname
    return __init__


def _process(cls, frozen: bool, slots: bool):
    own_methods = set(cls.__dict__)
    fields: dict = {}  # name -> Field, bases first (as dataclasses orders them)
    for base in reversed(cls.__mro__[1:]):
        fields.update(getattr(base, "__record_defaults__", {}))
    own = cls.__dict__.get("__annotations__", {})
    for name, annotation in own.items():
        if _is_classvar(annotation):
            continue
        value = cls.__dict__.get(name, MISSING)
        spec = value if isinstance(value, Field) else Field(value)
        fields[name] = spec
        if isinstance(value, Field):  # as dataclasses: the class attribute becomes the plain default
            if spec.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, spec.default)
    names = tuple(fields)

    namespace = {"_object_setattr": object.__setattr__}
    params, body = [], []
    for name, spec in fields.items():
        if spec.default_factory is not MISSING:
            namespace[f"_factory_{name}"] = spec.default_factory
            namespace["_NO_VALUE"] = MISSING
            params.append(f"{name}=_NO_VALUE")
            value = f"_factory_{name}() if {name} is _NO_VALUE else {name}"
        elif spec.default is not MISSING:
            namespace[f"_default_{name}"] = spec.default
            params.append(f"{name}=_default_{name}")
            value = name
        else:
            params.append(name)
            value = name
        body.append(f"    _object_setattr(self, {name!r}, {value})" if frozen else f"    self.{name} = {value}")
    if hasattr(cls, "__post_init__"):  # as dataclasses: called once the fields are set
        body.append("    self.__post_init__()")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "    pass") + "\n"
    init = _deferred_init(source, namespace, f"{cls.__qualname__}.__init__")

    compared = tuple(name for name, spec in fields.items() if spec.compare)
    shown = tuple(name for name, spec in fields.items() if spec.repr)
    if len(compared) > 1:
        values = attrgetter(*compared)
    elif compared:
        def values(self, _get=attrgetter(compared[0])):
            return (_get(self),)
    else:
        def values(self):
            return ()

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    def __repr__(self):
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inner})"

    def __hash__(self):
        return hash(values(self))

    methods = {"__init__": init, "__repr__": __repr__, "__eq__": __eq__}
    if frozen:
        methods.update(__setattr__=_frozen_setattr, __delattr__=_frozen_delattr)
    for name, fn in methods.items():
        if name not in cls.__dict__:
            setattr(cls, name, fn)
    # as dataclasses: a __hash__ the class wrote stays; else the fields' hash when frozen, none when not
    written = cls.__dict__.get("__hash__", MISSING)
    if written is MISSING or (written is None and "__eq__" in own_methods):
        cls.__hash__ = __hash__ if frozen else None
    cls.__record_defaults__ = fields
    cls.__record_fields__ = names
    if slots:
        cls = _with_slots(cls, names, frozen)
    return cls


def _with_slots(cls, names, frozen):
    """A copy of ``cls`` whose instances keep the fields in slots (no ``__dict__``)."""
    inherited = set()
    for base in cls.__mro__[1:]:
        inherited.update(getattr(base, "__slots__", ()))
    body = dict(cls.__dict__)
    for name in names:
        body.pop(name, None)
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    body["__slots__"] = tuple(n for n in names if n not in inherited)
    if frozen:
        body["__getstate__"], body["__setstate__"] = _getstate, _setstate
    new = type(cls)(cls.__name__, cls.__bases__, body)
    new.__qualname__ = cls.__qualname__
    return new
