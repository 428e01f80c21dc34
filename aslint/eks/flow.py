"""Control flow between the states of one machine, for the cross-state EKS checks (linear time)."""

from __future__ import annotations

from aslint.asl.model import successors


def top_in(ref, machine):
    """The state of ``machine`` that holds ``ref`` (itself, or the Parallel/Map it is nested in)."""
    while ref is not None and ref.machine is not machine:
        ref = ref.machine.parent_state
    return ref


def graph(machine) -> dict:
    """name -> successor names that exist in the machine (built once per machine: shared, never change it)."""
    found = machine.cache.get("eks.graph")
    if found is None:
        states = machine.states
        found = machine.cache["eks.graph"] = {name: [n for n in successors(ref) if n in states] for name, ref in states.items()}
    return found


def components(machine) -> dict:
    """name -> id of its strongly connected component (iterative Tarjan; once per machine)."""
    found = machine.cache.get("eks.components")
    if found is None:
        found = machine.cache["eks.components"] = _components(machine)
    return found


def _components(machine) -> dict:
    g = graph(machine)
    index, low, comp = {}, {}, {}
    stack, on_stack = [], set()
    counter = 0
    for root in g:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            succ = g[node]
            if i < len(succ):
                work.append((node, i + 1))
                nxt = succ[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    comp[member] = node
                    if member == node:
                        break
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return comp


def loops_through_choice(machine) -> set:
    """Names of the states that lie on a loop passing a Choice state."""
    comp = components(machine)
    g = graph(machine)
    members: dict = {}
    for name, c in comp.items():
        members.setdefault(c, []).append(name)
    out = set()
    for c, names in members.items():
        looping = len(names) > 1 or names[0] in g[names[0]]
        if looping and any(machine.states[n].type == "Choice" for n in names):
            out.update(names)
    return out


def _popcount(n: int) -> int:
    return bin(n).count("1")


_popcount = getattr(int, "bit_count", _popcount)  # Python 3.10+: counted in C, no string of the bits


def follower_counts(doc, machine) -> dict:
    """name -> how many states of ``machine`` can run after that state (its successors' closure).

    One pass over the strongly connected components in reverse topological order, each holding
    the set of states it reaches as a bit set: edges × states / word size, not states × (states
    + edges) as one walk per state would be. Cached per machine."""
    cache = doc.cache.setdefault("eks.followers", {})
    counts = cache.get(machine.pointer)
    if counts is not None:
        return counts
    g = graph(machine)
    comp = components(machine)
    bit = {name: 1 << i for i, name in enumerate(g)}
    members: dict = {}
    for name, c in comp.items():  # Tarjan completes a component after every one it reaches
        members.setdefault(c, []).append(name)
    reach: dict = {}
    for c, names in members.items():
        mask = 0
        for name in names:
            mask |= bit[name]
            for succ in g[name]:
                other = comp[succ]
                if other != c:
                    mask |= reach[other]
        reach[c] = mask
    counts = {}
    for name, succs in g.items():
        mask = 0
        for succ in succs:
            mask |= reach[comp[succ]]
        counts[name] = _popcount(mask)
    cache[machine.pointer] = counts
    return counts
