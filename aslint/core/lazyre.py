"""Regular expressions compiled when first used, not when their module is imported.

A module-level ``NAME = re.compile(...)`` costs its compile (tens of microseconds each, about a
tenth of a small run for aslint's sixty) in every run, used or not. ``NAME = lazyre.compile(...)``
is a stand-in with the pattern's methods and attributes: the first access compiles it and keeps
each looked-up attribute on the stand-in, so later uses cost a plain attribute lookup.
"""

from __future__ import annotations

import re

__all__ = ["compile"]


class LazyPattern:
    __slots__ = ("_args", "_compiled", "__dict__")

    def __init__(self, pattern, flags=0):
        self._args = (pattern, flags)
        self._compiled = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled

    def __getattr__(self, name):  # only called for what is not yet on the stand-in
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value

    def __repr__(self):
        return f"lazyre.compile({self._args[0]!r}{', ' + str(self._args[1]) if self._args[1] else ''})"

    def __eq__(self, other):
        other = other.compiled() if isinstance(other, LazyPattern) else other
        return self.compiled() == other

    def __hash__(self):
        return hash(self.compiled())

    def __reduce__(self):
        return (LazyPattern, self._args)


def compile(pattern, flags=0) -> LazyPattern:  # noqa: A001 - the name re uses
    return LazyPattern(pattern, flags)
