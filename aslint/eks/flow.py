"""Control flow between the states of one machine, for the cross-state EKS checks."""

from __future__ import annotations


def successors(ref) -> list:
    """Names of the states ``ref`` can go to next (Next, Choices, Default, Catch)."""
    node = ref.node
    if not isinstance(node, dict):
        return []
    out = []
    if isinstance(node.get("Next"), str):
        out.append(node["Next"])
    if isinstance(node.get("Default"), str):
        out.append(node["Default"])
    for key in ("Choices", "Catch"):
        items = node.get(key)
        if isinstance(items, list):
            out.extend(c["Next"] for c in items if isinstance(c, dict) and isinstance(c.get("Next"), str))
    return out


def top_in(ref, machine):
    """The state of ``machine`` that holds ``ref`` (itself, or the Parallel/Map it is nested in)."""
    while ref is not None and ref.machine is not machine:
        ref = ref.machine.parent_state
    return ref


def reachable_avoiding(start, machine, avoid) -> set:
    """Names reachable from ``start``'s successors without entering a state for which avoid(ref) is true."""
    seen, todo = set(), list(successors(start))
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        ref = machine.states.get(name)
        if ref is None:
            continue
        seen.add(name)
        if avoid(ref):
            continue
        todo.extend(successors(ref))
    return {n for n in seen if not avoid(machine.states[n])}


def on_cycle(ref, machine) -> bool:
    """``ref`` can reach itself within its machine."""
    seen, todo = set(), list(successors(ref))
    while todo:
        name = todo.pop()
        if name == ref.name:
            return True
        if name in seen or name not in machine.states:
            continue
        seen.add(name)
        todo.extend(successors(machine.states[name]))
    return False


def cycle_has_choice(ref, machine) -> bool:
    """``ref`` lies on a loop that passes a Choice state."""
    if not on_cycle(ref, machine):
        return False
    # states on a cycle with ref: reachable from ref and reaching ref
    fwd, todo = set(), list(successors(ref))
    while todo:
        name = todo.pop()
        if name in fwd or name not in machine.states:
            continue
        fwd.add(name)
        todo.extend(successors(machine.states[name]))
    for name in fwd:
        other = machine.states[name]
        if other.type == "Choice" and (name == ref.name or ref.name in _forward(other, machine)):
            return True
    return False


def _forward(ref, machine) -> set:
    seen, todo = set(), list(successors(ref))
    while todo:
        name = todo.pop()
        if name in seen or name not in machine.states:
            continue
        seen.add(name)
        todo.extend(successors(machine.states[name]))
    return seen
