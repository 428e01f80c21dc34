"""Warm re-lints: a long-lived process (the editor server) re-runs a unit-local rule only on the
units (states) that an edit changed, and keeps the rule's earlier findings for the others.

A rule declares ``locality = "unit"`` when each of its findings depends only on the unit that holds
it (the innermost state around the finding's pointer), plus facts the kind names for that unit (its
name, query language, type) and the document's top level, which is always checked again. A kind
that can be cut into units registers ``kinds.units(kind)``: a function returning :class:`Units`.

Off unless :func:`enable` was called: a one-shot ``aslint check`` runs every rule on every state.
The store holds, per (file, document, rule), the latest lint's unit keys and findings only.
"""

from __future__ import annotations

from aslint.core.record import dataclass

_enabled = False
_store: dict = {}
_MAX_ENTRIES = 20_000


@dataclass
class Units:
    """``keys``: unit pointer -> a key that changes whenever the unit's content or facts change;
    ``unit_of(pointer)``: the innermost unit holding a pointer (None: the top level);
    ``restrict(pointers)``: a view of the document whose analyses see only those units."""

    keys: dict
    unit_of: Callable
    restrict: Callable


def enable(on: bool = True) -> None:
    global _enabled
    _enabled = on
    _store.clear()


def reset() -> None:
    """Forget every remembered finding (the configuration or the rules changed)."""
    _store.clear()


def enabled() -> bool:
    return _enabled


class suspended:
    """``with warm.suspended():`` lints cold (every rule on every unit), the store untouched."""

    def __enter__(self):
        global _enabled
        self._was, _enabled = _enabled, False

    def __exit__(self, *exc):
        global _enabled
        _enabled = self._was


class Cancelled(BaseException):
    """The lint was stopped between two rules: a newer version of the file has arrived.

    A BaseException (as asyncio's CancelledError), so no per-file or per-rule guard takes it for
    a failure of the file."""


_stop_check = None  # set per thread by ``stoppable``


def stoppable(check):
    """``with warm.stoppable(fn):`` the engine calls ``fn()`` between rules and raises
    :class:`Cancelled` when it returns True (an editor's newer text makes this lint stale)."""
    import contextlib

    local = _local()

    @contextlib.contextmanager
    def scope():
        previous = getattr(local, "check", None)
        local.check = check
        try:
            yield
        finally:
            local.check = previous

    return scope()


def _local():
    global _stop_check
    if _stop_check is None:
        import threading

        _stop_check = threading.local()
    return _stop_check


def check_stop() -> None:
    """Raise :class:`Cancelled` when the current thread's lint has been made stale."""
    if _stop_check is not None:
        check = getattr(_stop_check, "check", None)
        if check is not None and check():
            raise Cancelled()


def units_of(doc):
    from aslint.core import kinds

    make = kinds.UNITS.get(doc.kind)
    if make is None:
        return None
    cached = doc.cache.get("warm.units")
    if cached is None:
        cached = doc.cache["warm.units"] = make(doc)
    return cached


def _changed(doc, units, old_keys) -> set:
    """The units whose key differs from ``old_keys`` (computed once per document and old lint:
    every rule of the last lint stored the same key table)."""
    memo = doc.cache.setdefault("warm.changed", {})
    found = memo.get(id(old_keys))
    if found is None:
        found = memo[id(old_keys)] = {p for p, key in units.keys.items() if old_keys.get(p) != key}
    return found


def run_rule(doc, rule, check: Callable) -> list:
    """The findings of ``rule`` on ``doc``: ``check(view)`` runs the rule on a document (view).

    Cold, or for a rule that is not unit-local, that is ``check(doc)``. Warm, the rule runs on a
    view holding only the changed units; the findings it had on unchanged units are kept."""
    if not _enabled or getattr(rule, "locality", "document") != "unit" or doc.host is not None:
        return list(check(doc) or ())
    units = units_of(doc)
    if units is None:
        return list(check(doc) or ())
    space = (doc.path, doc.doc_index, rule.code, id(rule))
    old = _store.get(space)
    if old is None:
        findings = list(check(doc) or ())
        owners = [units.unit_of(f.pointer) for f in findings]
    else:
        old_keys, old_findings = old
        changed = _changed(doc, units, old_keys)
        kept = [(owner, f) for owner, f in old_findings if owner is not None and owner not in changed and owner in units.keys]
        fresh = []
        for f in check(units.restrict(changed)) or ():
            owner = units.unit_of(f.pointer)
            if owner is None or owner in changed:
                fresh.append((owner, f))
        pairs = kept + fresh
        owners = [o for o, _ in pairs]
        findings = [f for _, f in pairs]
    if len(_store) >= _MAX_ENTRIES and space not in _store:
        _store.clear()
    _store[space] = (units.keys, list(zip(owners, findings)))
    return findings
