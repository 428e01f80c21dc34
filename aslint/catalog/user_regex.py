"""Regular expressions from custom rules, refused at load time when they can backtrack without bound.

Python's ``re`` backtracks, and a match cannot be interrupted from Python, so a pattern such as
``(a+)+$`` or ``(a|ab)*c`` can hold the run for hours on a value of a few dozen characters. A custom
rule's pattern is compiled when the configuration is read, and refused (a configuration error, exit
2) when a repeat without an upper bound contains another repeat, or an alternation whose branches
can start with the same character: the two shapes whose backtracking grows exponentially with the
text (docs/hostile-input.md).
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    import re._parser as _sre
    from re._constants import (BRANCH, IN, LITERAL, MAX_REPEAT, MAXREPEAT, MIN_REPEAT, POSSESSIVE_REPEAT, SUBPATTERN,
                               ATOMIC_GROUP)
except ImportError:  # pragma: no cover - Python 3.9/3.10
    import sre_parse as _sre
    from sre_constants import BRANCH, IN, LITERAL, MAX_REPEAT, MAXREPEAT, MIN_REPEAT, SUBPATTERN
    POSSESSIVE_REPEAT = ATOMIC_GROUP = None

from aslint.core.settings import ConfigError

_REPEATS = (MAX_REPEAT, MIN_REPEAT)
#: a pattern longer than this is refused outright
MAX_PATTERN = 1000


def compile_user_regex(pattern, where: str):
    """The compiled pattern, or a ConfigError saying why it is refused."""
    if not isinstance(pattern, str):
        raise ConfigError(f"{where}: the pattern must be a string, not {type(pattern).__name__}")
    if len(pattern) > MAX_PATTERN:
        raise ConfigError(f"{where}: the pattern is {len(pattern):,} characters; aslint takes patterns of up to {MAX_PATTERN:,}")
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # FutureWarning on '[[': the pattern is the user's
            compiled = re.compile(pattern)
            parsed = _sre.parse(pattern)
    except (re.error, RecursionError, OverflowError) as err:
        raise ConfigError(f"{where}: {pattern!r} is not a valid regular expression ({err})") from None
    problem = _unbounded_backtracking(parsed, inside_repeat=False)
    if problem:
        raise ConfigError(f"{where}: {pattern!r} can take exponential time to match ({problem}); aslint refuses it")
    return compiled


def _items(node):
    return node.data if hasattr(node, "data") else node


def _unbounded_backtracking(node, inside_repeat: bool) -> str | None:
    for op, arg in _items(node):
        if op in _REPEATS:
            low, high, body = arg
            variable = low != high  # a{3} matches one way; a+, a?, a{2,5} several
            if inside_repeat and variable:
                return "a quantifier inside a repeated group"
            found = _unbounded_backtracking(body, inside_repeat or (variable and high > 1))
            if found:
                return found
        elif op == BRANCH:
            _, branches = arg
            if inside_repeat and not _disjoint_starts(branches):
                return "alternatives that can match the same text inside a repeated group"
            for branch in branches:
                found = _unbounded_backtracking(branch, inside_repeat)
                if found:
                    return found
        elif op == SUBPATTERN:
            found = _unbounded_backtracking(arg[-1], inside_repeat)
            if found:
                return found
        elif op in (POSSESSIVE_REPEAT, ATOMIC_GROUP) and op is not None:
            continue  # never backtracks into itself
    return None


def _first_chars(branch):
    items = list(_items(branch))
    while items:
        op, arg = items[0]
        if op == LITERAL:
            return {arg}
        if op == SUBPATTERN:
            items = list(_items(arg[-1])) + items[1:]
            continue
        if op == IN and all(o == LITERAL for o, _ in arg):
            return {a for _, a in arg}
        return None
    return None


def _disjoint_starts(branches) -> bool:
    seen: set = set()
    for branch in branches:
        first = _first_chars(branch)
        if first is None or first & seen:
            return False
        seen |= first
    return True
