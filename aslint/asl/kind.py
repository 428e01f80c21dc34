"""Kind ``asl``: a Step Functions state machine definition (StartAt + States), recognized by its
content or declared by its file name (``*.asl.json``); its states name the findings inside them,
and ``aslint: ignore[...]`` in its Comments silences them."""

from __future__ import annotations

import re

from aslint.catalog.declarative import selector
from aslint.core import kinds
kinds.declared_kind("asl")


@kinds.recognizer("asl", order=10)
def is_state_machine(data) -> bool:
    return isinstance(data, dict) and "StartAt" in data and isinstance(data.get("States"), dict)


_START_AT = re.compile(r"""(?:^|[\s{,"'])StartAt["']?\s*:""")
_STATES = re.compile(r"""(?:^|[\s{,"'])States["']?\s*:""")


def looks_like_a_definition(text: str) -> bool:
    """Both ``StartAt`` and ``States`` appear as keys: a definition, however broken its syntax."""
    return bool(_START_AT.search(text) and _STATES.search(text))


kinds.EXPLICIT_SNIFFERS.append(looks_like_a_definition)


@kinds.states("asl")
def state_name(doc, pointer: str):
    from aslint.asl.model import state_at

    ref = state_at(doc, pointer)
    return ref.name if ref else None


@kinds.suppressor("asl")
def suppressed(doc, code: str, pointer: str) -> bool:
    from aslint.asl.suppress import suppressed as by_comment

    return by_comment(doc, code, pointer)


@selector("states")
def every_state(doc):
    """Declarative rules' ``given: states``: each state object of the definition."""
    from aslint.asl.model import model

    for ref in model(doc).states:
        if ref.is_object:
            yield ref.node, ref.pointer, ref.name


@kinds.units("asl")
def state_units(doc):
    """A definition's units are its states (at any depth): a state's key is its content and the
    facts its rules read beside it (name, query language); a view restricted to some states
    shows the rules only those (the machines and the top level stay whole)."""
    import copy

    from aslint.asl.model import Model, model, state_at
    from aslint.core.warm import Units

    m = model(doc)
    keys = {ref.pointer: (repr(ref.node), ref.name, ref.query_language) for ref in m.states}

    def unit_of(pointer: str):
        ref = state_at(doc, pointer)
        return ref.pointer if ref is not None else None

    def restrict(pointers):
        view = copy.copy(doc)
        view.cache = {"asl.model": Model(m.machines, [r for r in m.states if r.pointer in pointers], m.by_pointer)}
        return view

    return Units(keys, unit_of, restrict)


def _directive_findings(doc, ruleset):
    from aslint.asl.suppress import directive_findings

    return directive_findings(doc, ruleset)


def _withdraw_used(result, doc):
    from aslint.asl.suppress import withdraw_used

    withdraw_used(result, doc)


kinds.directive_checks("asl", _directive_findings, _withdraw_used)
