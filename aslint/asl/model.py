"""Walking a state machine: every state at any depth, with its pointer and effective query language.

Computed once per document (cached in ``doc.cache``) and shared by all rules. Iterative, so deep
Parallel/Map nesting never hits Python's recursion limit.
"""

from __future__ import annotations

from collections import namedtuple

from aslint.core.record import dataclass, field

from aslint.core.pointer import escape


@dataclass
class Machine:
    """A state machine: the top level, a Parallel branch or a Map processor."""

    pointer: str  # pointer of the object holding StartAt/States
    node: dict
    query_language: str  # the default for its states
    parent_state: "StateRef | None" = None
    states: dict = field(default_factory=dict)  # name -> StateRef (this machine only)
    #: analyses of this machine that several rules share (namespaced keys, as ``doc.cache``)
    cache: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass
class StateRef:
    name: str
    pointer: str
    node: dict  # may be a non-dict when the definition is broken; check is_object
    machine: Machine
    query_language: str

    def __post_init__(self):
        # read by every rule for every state: worked out once here (the model's nodes never change)
        node = self.node
        self.is_object = isinstance(node, dict)
        value = node.get("Type") if self.is_object else None
        self.type = value if isinstance(value, str) else None  # never an unhashable list/dict
        self.jsonata = self.query_language == "JSONata"
        self.exits = None  # transitions(self), listed on first use
        self.handlers = None  # asl.structure.handlers(self), listed on first use


@dataclass
class Model:
    machines: list
    states: list  # every StateRef, depth-first in document order
    by_pointer: dict  # state pointer -> StateRef


def _ql(node, default: str) -> str:
    value = node.get("QueryLanguage") if isinstance(node, dict) else None
    return value if value in ("JSONPath", "JSONata") else default


def child_machines(state: StateRef):
    """(pointer, node) of the machines nested in a Parallel or Map state."""
    node = state.node
    if not isinstance(node, dict):
        return
    if node.get("Type") == "Parallel" and isinstance(node.get("Branches"), list):
        for i, branch in enumerate(node["Branches"]):
            if isinstance(branch, dict):
                yield f"{state.pointer}/Branches/{i}", branch
    if node.get("Type") == "Map":
        for key in ("ItemProcessor", "Iterator"):
            if isinstance(node.get(key), dict):
                yield f"{state.pointer}/{key}", node[key]


Transition = namedtuple("Transition", "kind target pointer via index", defaults=(None, -1), module=__name__)
Transition.__doc__ = """One way out of a state: ``kind`` is ``Next``, ``Default``, ``Choice`` (a rule's Next) or
    ``Catch``; ``target`` the state name as written (not a string when the definition is broken);
    ``pointer`` where it is written; ``via`` the Choice rule or the catcher (its Assign,
    ErrorEquals) and ``index`` its place in Choices/Catch.

    Immutable; a tuple underneath, so that making one (a few per state, for every definition)
    costs no attribute writes."""


def transitions(state: StateRef) -> list:
    """The one transition function: every state ``state`` can go to next in its own machine
    (Next, a Choice's Default and rules, Catch), in that order. A Parallel's branches and a Map's
    item processor are entered at their own StartAt: see :func:`child_machines`.

    Listed once per state (the graph, the lifecycle and data-flow analyses all ask): the list is
    shared, never change it."""
    found = getattr(state, "exits", None)
    if found is None:
        found = _transitions(state)
        try:
            state.exits = found
        except AttributeError:
            pass
    return found


def _transitions(state) -> list:
    node = state.node
    if not isinstance(node, dict):
        return []
    p = state.pointer
    out = []
    if "Next" in node:
        out.append(Transition("Next", node["Next"], f"{p}/Next"))
    if node.get("Type") == "Choice":
        if "Default" in node:
            out.append(Transition("Default", node["Default"], f"{p}/Default"))
        choices = node.get("Choices")
        if isinstance(choices, list):
            for i, rule in enumerate(choices):
                if isinstance(rule, dict) and "Next" in rule:
                    out.append(Transition("Choice", rule["Next"], f"{p}/Choices/{i}/Next", rule, i))
    catch = node.get("Catch")
    if isinstance(catch, list):
        for i, catcher in enumerate(catch):
            if isinstance(catcher, dict) and "Next" in catcher:
                out.append(Transition("Catch", catcher["Next"], f"{p}/Catch/{i}/Next", catcher, i))
    return out


def successors(state: StateRef) -> list:
    """The names of the states ``state`` can go to next (well-formed targets only)."""
    return [t.target for t in transitions(state) if isinstance(t.target, str)]


def build(data) -> Model:
    machines, states, by_pointer = [], [], {}
    if not isinstance(data, dict):
        return Model(machines, states, by_pointer)
    work = [(Machine("", data, _ql(data, "JSONPath")))]
    while work:
        machine = work.pop(0)
        machines.append(machine)
        raw = machine.node.get("States")
        if not isinstance(raw, dict):
            continue
        nested = []
        for name, node in raw.items():
            ref = StateRef(name, f"{machine.pointer}/States/{escape(name)}", node, machine, _ql(node, machine.query_language))
            machine.states[name] = ref
            states.append(ref)
            by_pointer[ref.pointer] = ref
            if ref.type == "Parallel" or ref.type == "Map":  # the only states with machines inside
                for pointer, sub in child_machines(ref):
                    nested.append(Machine(pointer, sub, _ql(sub, ref.query_language), ref))
        work[0:0] = nested
    return Model(machines, states, by_pointer)


def model(doc) -> Model:
    cached = doc.cache.get("asl.model")
    if cached is None:
        cached = doc.cache["asl.model"] = build(doc.data)
    return cached


def state_at(doc, pointer: str):
    """The innermost state whose subtree holds ``pointer`` (or None)."""
    by_pointer = model(doc).by_pointer
    p = pointer
    while p:
        ref = by_pointer.get(p)
        if ref is not None:
            return ref
        p = p[: p.rfind("/")]
    return None
