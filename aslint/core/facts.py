"""What the families learn about a document and pass on (``doc.context``): declared fields, typed.

A family declares each fact it sets, once, with its type (``declare("role_policies", list, "…")``
in its ``kind`` module); setting a fact nobody declared, or a value of the wrong type, is an
error, so a misspelt key cannot silently carry nothing. Read like a mapping
(``doc.context.get("role_arn")``), as the families have always read it.
"""

from __future__ import annotations

#: name -> (types, what it is)
DECLARED: dict = {}


def declare(name: str, types, meaning: str) -> None:
    """Declare the fact ``name`` with its type(s) (``None`` allowed where ``type(None)`` is listed)."""
    DECLARED[name] = (types if isinstance(types, tuple) else (types,), meaning)


def _check(name: str, value) -> None:
    spec = DECLARED.get(name)
    if spec is None:
        from aslint.core.kinds import load_families

        load_families()  # the families declare their facts when their kinds are loaded
        spec = DECLARED.get(name)
        if spec is None:
            raise KeyError(f"document fact {name!r} is not declared (aslint.core.facts.declare)")
    if not isinstance(value, spec[0]):
        names = ", ".join(t.__name__ for t in spec[0])
        raise TypeError(f"document fact {name!r} must be {names}, not {type(value).__name__}")


class Facts:
    """The declared facts of one document."""

    __slots__ = ("_values",)

    def __init__(self, values=None):
        self._values: dict = {}
        for name, value in (values or {}).items():
            self[name] = value

    def __setitem__(self, name: str, value) -> None:
        _check(name, value)
        self._values[name] = value

    def __getitem__(self, name: str):
        return self._values[name]

    def get(self, name: str, default=None):
        return self._values.get(name, default)

    def setdefault(self, name: str, default=None):
        if name not in self._values:
            self[name] = default
        return self._values[name]

    def update(self, other=(), **more) -> None:
        for name, value in dict(other, **more).items():
            self[name] = value

    def __contains__(self, name) -> bool:
        return name in self._values

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self):
        return self._values.keys()

    def items(self):
        return self._values.items()

    def __repr__(self) -> str:
        return f"Facts({self._values!r})"
