"""A fix is written only when the fixed text parses back to exactly what the fixes intend.

``--fix`` and ``--diff`` edit bytes; what the user asked for is a change of values. Before a fixed
text is written (or shown as a diff) it is parsed again, with its embedded documents, and every
document is compared with the old one with the fixes applied to its data: same documents, same
values, same types (``1`` is not ``1.0`` nor ``true``). A fix whose edit would glue two keys, drop a
YAML anchor, land on an alias's anchor or change a number is refused, and the report says so.
"""

from __future__ import annotations

import copy

from aslint.core import pointer as jp

_MISSING = object()


def lineage(doc) -> tuple:
    """Where a document sits in its file, from the file's own document down: stable between two
    parses of texts of the same shape."""
    key = []
    while doc is not None:
        key.append((doc.place, doc.inline, doc.doc_index) if doc.parent is not None else ("", False, doc.doc_index))
        doc = doc.parent
    return tuple(reversed(key))


def _documents(path: str, text: str):
    from aslint.core import budget
    from aslint.core.engine import recognize
    from aslint.core.loader import load

    with budget.for_file():
        loaded = load(path, text.encode("utf-8", "surrogatepass"))
        if loaded.problem is not None:
            return None, loaded.problem.message
        return {lineage(d): d for d in recognize(loaded)}, None


def verify(path: str, old_text: str, new_text: str, intents) -> str | None:
    """None when ``new_text`` holds what ``old_text`` holds with ``intents`` ((lineage, ValueFix)
    pairs) applied; else why not, in a few words."""
    old, _ = _documents(path, old_text)
    if old is None:
        return "the file does not parse as it is"
    new, problem = _documents(path, new_text)
    if new is None:
        return f"the fixed text would not parse ({problem})"
    if set(old) != set(new):
        return "the fixed text would hold other documents"
    fixes: dict = {}
    wild: dict = {}  # lineage -> places of embedded documents that change (compared on their own)
    for key, fix in intents:
        if key not in old:
            return "the fixed document is not found again"
        fixes.setdefault(key, []).append(fix)
        for depth in range(1, len(key)):
            wild.setdefault(key[:depth], set()).add(key[depth][0])
    for key, doc in old.items():
        got = new[key].data
        if key not in fixes and key not in wild:
            if not same(doc.data, got):
                return "the fix would change other values of the file"
            continue
        expected = copy.deepcopy(doc.data)
        for fix in fixes.get(key, ()):
            expected = _apply(expected, fix)
            if expected is _MISSING:
                return "the value to fix is not where the fix says"
        for place in wild.get(key, ()):
            expected = _put(expected, place, jp.resolve(got, place, _MISSING))
            if expected is _MISSING:
                return "the fix would change the document around an embedded one"
        if not same(expected, got):
            return "the fixed text would not parse back to the fixed value"
    return None


def _apply(data, fix):
    if fix.substring is None:
        return _put(data, fix.pointer, fix.value)
    current = jp.resolve(data, fix.pointer, _MISSING)
    if not isinstance(current, str):
        return _MISSING
    a, b = fix.substring
    return _put(data, fix.pointer, current[:a] + fix.value + current[b:])


def _put(data, pointer: str, value):
    """``data`` with the node at ``pointer`` replaced by ``value`` (in place below the root)."""
    if value is _MISSING:
        return _MISSING
    if not pointer:
        return value
    tokens = jp.split(pointer)
    node = data
    for token in tokens[:-1]:
        node = node.get(token, _MISSING) if isinstance(node, dict) else (
            node[int(token)] if isinstance(node, list) and token.isdigit() and int(token) < len(node) else _MISSING)
        if node is _MISSING:
            return _MISSING
    last = tokens[-1]
    if isinstance(node, dict) and last in node:
        node[last] = value
    elif isinstance(node, list) and last.isdigit() and int(last) < len(node):
        node[int(last)] = value
    else:
        return _MISSING
    return data


def same(a, b) -> bool:
    """Equal values of equal types all the way down (``1 == 1.0 == True`` in Python, not here)."""
    work = [(a, b)]
    while work:
        x, y = work.pop()
        if type(x) is not type(y):
            return False
        if isinstance(x, dict):
            if x.keys() != y.keys():
                return False
            work.extend((x[k], y[k]) for k in x)
        elif isinstance(x, list):
            if len(x) != len(y):
                return False
            work.extend(zip(x, y))
        elif x != y:
            return False
    return True


def checked_text(path: str, text: str, diagnostics, apply) -> tuple:
    """The text with every fix of ``diagnostics`` that survives :func:`verify`, and the refused
    ones as (diagnostic, reason). All fixes are tried at once first; only when that fails is
    each tried on its own, so a file whose fixes are all sound is parsed twice, not once per fix."""
    fixable = [d for d in diagnostics if d.edits]
    if not fixable:
        return text, []

    def attempt(chosen):
        new_text = apply(text, [e for d in chosen for e in d.edits])
        if new_text == text:
            return new_text, None
        return new_text, verify(path, text, new_text, [i for d in chosen for i in getattr(d, "intents", ())])

    new_text, problem = attempt(fixable)
    if problem is None:
        return new_text, []
    kept, refused = [], []
    for d in sorted(fixable, key=lambda d: min(e.start for e in d.edits)):
        _, problem = attempt(kept + [d])
        if problem is None:
            kept.append(d)
        else:
            refused.append((d, problem))
    return (attempt(kept)[0] if kept else text), refused
