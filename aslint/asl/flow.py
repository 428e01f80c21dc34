"""Which variables may be assigned before a state runs: a forward may-analysis over transitions.

``assigned_before(doc)`` maps each reachable state's pointer to the set of variable names that
some path from the start assigns before that state is entered. Edges: ``Next``, ``Default``,
``Choices[].Next`` (with that rule's ``Assign``) and ``Catch[].Next`` (with the catcher's
``Assign`` instead of the state's). A Parallel branch or Map processor starts with what its
parent state sees; what it assigns stays inside (asl-facts.md §7). Sets are bitmasks over the
document's variable names; the work-list runs each state a bounded number of times, so the cost
is linear in the definition's size times a small factor.
"""

from __future__ import annotations

from aslint.asl import variables
from aslint.asl.model import model, transitions


def _mask(assign, bits) -> int:
    m = 0
    if isinstance(assign, dict):
        for key in assign:
            b = bits.get(variables.assigned_name(key))
            if b is not None:
                m |= b
    return m


def assigned_before(doc) -> dict:
    cached = doc.cache.get("asl.var.before")
    if cached is not None:
        return cached
    names = sorted(variables.assignments(doc))
    bits = {n: 1 << i for i, n in enumerate(names)}
    m = model(doc)
    avail: dict[str, int] = {}  # state pointer -> mask on entry
    # machines are listed outer first; a nested machine starts from its parent's entry mask
    for machine in m.machines:
        if machine.parent_state is not None:
            start_mask = avail.get(machine.parent_state.pointer)
            if start_mask is None:
                continue  # parent unreachable
        else:
            start_mask = 0
        states = machine.states
        start = machine.node.get("StartAt")
        if not isinstance(start, str) or start not in states:
            continue
        local: dict[str, int] = {start: start_mask}
        work = [start]
        while work:
            name = work.pop()
            ref = states[name]
            node = ref.node
            entry = local[name]
            if not isinstance(node, dict):
                continue
            own = _mask(node.get("Assign"), bits)
            edges = []
            for t in transitions(ref):
                if not isinstance(t.target, str):
                    continue
                if t.kind == "Catch":  # the catcher's Assign instead of the state's
                    edges.append((t.target, entry | _mask(t.via.get("Assign"), bits)))
                elif t.kind == "Choice":
                    edges.append((t.target, entry | own | _mask(t.via.get("Assign"), bits)))
                else:
                    edges.append((t.target, entry | own))
            for target, mask in edges:
                if target not in states:
                    continue
                old = local.get(target)
                new = mask if old is None else old | mask
                if new != old:
                    local[target] = new
                    work.append(target)
        for name, mask in local.items():
            avail[states[name].pointer] = mask
    out = {ptr: {n for n in names if mask & bits[n]} for ptr, mask in avail.items()} if names else {ptr: set() for ptr in avail}
    doc.cache["asl.var.before"] = out
    return out
