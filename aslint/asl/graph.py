"""Transitions between states, per machine: targets, reachability and escape to a terminal state.

Everything is linear in the size of the definition: one pass collects the edges, one BFS finds
the reachable states, one reverse BFS from the terminal states finds those that can end.
Computed once per document (``doc.cache["asl.graph"]``).
"""

from __future__ import annotations

from collections import deque, namedtuple
from aslint.core.record import dataclass, field

from aslint.asl.model import model, transitions
from aslint.asl.structure import ALL_STATE_FIELDS, STATE_TYPES, did_you_mean
from aslint.core.pointer import escape


def misspelt_next(node):
    """The key of an unknown field that is evidently a misspelt 'Next' (e.g. 'Nxet', 'next'), or None."""
    for key, value in node.items():
        if key not in ALL_STATE_FIELDS and isinstance(value, str) and did_you_mean(key, ("Next",), 0.7):
            return key
    return None


Edge = namedtuple("Edge", "source target pointer kind", module=__name__)
Edge.__doc__ = """``source`` state name, ``target`` the value found (may be a non-string when broken),
    ``pointer`` of the value naming the target, ``kind``: "Next", "Default", "Choices", "Catch"
    or "Typo". Immutable; a tuple underneath (one per transition of every definition)."""


@dataclass
class MachineGraph:
    machine: object
    edges: list = field(default_factory=list)
    reachable: set = field(default_factory=set)
    can_end: set = field(default_factory=set)
    start_ok: bool = False


def _is_end(node) -> bool:
    return node.get("End") is True


_EDGE_KIND = {"Next": "Next", "Default": "Default", "Choice": "Choices", "Catch": "Catch"}


def state_edges(ref):
    node = ref.node
    if not isinstance(node, dict):
        return
    if "Next" not in node:
        typo = misspelt_next(node)
        if typo is not None:  # reported by ASL101/ASL202; follow it so its target is not "unreachable" too
            yield Edge(ref.name, node[typo], f"{ref.pointer}/{escape(typo)}", "Typo")
    for t in transitions(ref):
        yield Edge(ref.name, t.target, t.pointer, _EDGE_KIND[t.kind])


def _terminal_or_unknown(ref) -> bool:
    """Terminal states, and states too broken to judge (so a break is reported once, elsewhere)."""
    node = ref.node
    if not isinstance(node, dict) or ref.type not in STATE_TYPES:
        return True
    if ref.type in ("Succeed", "Fail") or _is_end(node):
        return True
    if ref.type == "Choice":
        return not isinstance(node.get("Choices"), list) or not node["Choices"]
    return "Next" not in node  # neither End nor Next: reported by ASL202


def build(doc) -> list:
    graphs = []
    for machine in model(doc).machines:
        g = MachineGraph(machine)
        graphs.append(g)
        states = machine.states
        succ: dict[str, list] = {name: [] for name in states}
        pred: dict[str, list] = {name: [] for name in states}
        dangling = set()
        for name, ref in states.items():
            for edge in state_edges(ref):
                g.edges.append(edge)
                if isinstance(edge.target, str) and edge.target in states:
                    succ[name].append(edge.target)
                    pred[edge.target].append(name)
                else:
                    dangling.add(name)  # reported by ASL201; treat as an exit
        start = machine.node.get("StartAt") if isinstance(machine.node, dict) else None
        if any(_placeholder(e.target) for e in g.edges) or _placeholder(start):
            # a template token (${Name}) may name any state: every state may be reached
            g.start_ok = True
            g.reachable = set(states)
        elif isinstance(start, str) and start in states:
            g.start_ok = True
            seen = {start}
            queue = deque([start])
            while queue:
                for nxt in succ[queue.popleft()]:
                    if nxt not in seen:
                        seen.add(nxt)
                        queue.append(nxt)
            g.reachable = seen
        ends = {n for n, ref in states.items() if _terminal_or_unknown(ref) or n in dangling}
        seen = set(ends)
        queue = deque(ends)
        while queue:
            for prev in pred[queue.popleft()]:
                if prev not in seen:
                    seen.add(prev)
                    queue.append(prev)
        g.can_end = seen
    return graphs


def _placeholder(value) -> bool:
    return isinstance(value, str) and "${" in value


def graphs(doc) -> list:
    cached = doc.cache.get("asl.graph")
    if cached is None:
        cached = doc.cache["asl.graph"] = build(doc)
    return cached


def state_named(doc, name, machine):
    """A state called ``name`` in another machine than ``machine`` (for 'cannot cross' messages)."""
    index = doc.cache.get("asl.graph.names")
    if index is None:
        index = doc.cache["asl.graph.names"] = {}
        for ref in model(doc).states:
            index.setdefault(ref.name, []).append(ref)
    for ref in index.get(name, ()) if isinstance(name, str) else ():
        if ref.machine is not machine:
            return ref
    return None
