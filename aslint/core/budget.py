"""Per-file bounds on the work an input can multiply (documented in docs/hostile-input.md).

A YAML alias repeats a whole subtree for the cost of a few characters, so the nodes an alias
expands to are charged to one budget per linted file: the file's own YAML and every string parsed
out of it (forty ``mapRoles`` strings, a Job manifest, a RequestBody) draw on the same allowance.
Nodes written out in the text cost nothing (they are bounded by the file size); a node reached a
second time through an alias costs one unit, plus one per ``SCALAR_CHARS`` characters of a scalar,
so repeating a long string is charged for its length too.
"""

from __future__ import annotations

import contextlib
import contextvars

#: alias-expanded nodes allowed per file (with its embedded strings)
ALIAS_NODES = 100_000
#: an alias-expanded scalar costs one more unit per this many characters
SCALAR_CHARS = 100


class Budget:
    __slots__ = ("left",)

    def __init__(self, units: int = ALIAS_NODES):
        self.left = units

    def charge(self, units: int) -> bool:
        """Take ``units``; False once the budget is spent."""
        self.left -= units
        return self.left >= 0


_current: contextvars.ContextVar = contextvars.ContextVar("aslint_budget", default=None)


def current() -> Budget:
    """The budget of the file being linted (a fresh one outside a lint of a file)."""
    budget = _current.get()
    return budget if budget is not None else Budget()


@contextlib.contextmanager
def for_file():
    """One budget for everything read while linting one file."""
    token = _current.set(Budget())
    try:
        yield
    finally:
        _current.reset(token)
