"""The control-flow graph of a whole definition, nested machines included, with error edges.

Nodes are integers. Every state is a node; each Parallel/Map state P adds a *join* node (its
branches or iterations finished), one *err* node per error class (a branch or iteration failed
with that class; P's catchers dispatch from there) and one *cancel* node per nested machine (a
failure elsewhere stops that branch or iteration wherever it is). Three exit nodes end the
execution: success, a Fail state, an uncaught error.

Error classes (asl-facts.md §4): ``other`` is every catchable error except ``States.Timeout``
(matched fully by ``States.ALL`` and ``States.TaskFailed``, partly by any named error);
``timeout`` is ``States.Timeout`` (matched by ``States.ALL`` and ``States.Timeout``), raised only
by a Task with a timeout or heartbeat. ``States.DataLimitExceeded`` and ``States.Runtime`` escape
every catcher but can strike any state; they are left out (they would make every workflow dirty).
Retry never removes an edge: when attempts run out the state fails anyway.

Built iteratively (no recursion), in time linear in the definition's size.
"""

from __future__ import annotations

from aslint.core.record import dataclass, field

from aslint.asl.model import model, transitions
from aslint.lcy.resources import path_segments

EXIT_SUCCESS, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
EXIT_NAMES = {EXIT_SUCCESS: "success", EXIT_FAIL: "fail", EXIT_ERROR: "error"}
CLASSES = ("other", "timeout")
ALL = "ALL"
_TIMEOUT_FIELDS = frozenset(("TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath"))
_NO_VARIABLES = frozenset()


@dataclass(frozen=True, slots=True)
class Writes:
    """What an edge may overwrite: input paths of ``frame`` (ALL or segment tuples) and variables."""

    frame: str = ""
    paths: object = ()  # ALL or tuple of segment tuples
    variables: frozenset = frozenset()

    def touches(self, key) -> bool:
        if key is None:
            return False
        if key.variables & self.variables:
            return True
        if key.frame is None or key.frame != self.frame or not self.paths:
            return False
        if self.paths == ALL:
            return True
        for read in key.inputs:
            if read is None:
                return True
            for w in self.paths:
                if w is None or read[: len(w)] == w or w[: len(read)] == read:
                    return True
        return False


NO_WRITES = Writes()


class Later:
    """What an edge overwrites, worked out on first use: only names read from the state input
    or from variables can be overwritten, and most definitions name their resources by literals,
    so most runs never ask. Shared by the edges of one state (one Writes for all of them)."""

    __slots__ = ("make", "args", "value")

    def __init__(self, make, *args):
        self.make, self.args, self.value = make, args, None

    def get(self) -> Writes:
        if self.value is None:
            self.value = self.make(*self.args)
        return self.value


class Edge:
    __slots__ = ("src", "dst", "kind", "owner", "cls", "catcher", "_writes")

    def __init__(self, src: int, dst: int, kind: str, owner: int = -1, cls: str = "", catcher: str = "",
                 writes=NO_WRITES):
        self.src, self.dst = src, dst
        self.kind = kind  # 'normal', 'error', 'enter', 'join', 'cancel', 'pass'
        self.owner = owner  # the state node whose create/delete applies on this edge (-1: none)
        self.cls = cls  # error class on error edges
        self.catcher = catcher  # pointer of the catcher taken ('' when uncaught)
        self._writes = writes  # a Writes, or a Later that makes it

    @property
    def writes(self) -> Writes:
        w = self._writes
        if w.__class__ is Later:
            w = self._writes = w.get()
        return w

    def __repr__(self):
        return (f"Edge(src={self.src!r}, dst={self.dst!r}, kind={self.kind!r}, owner={self.owner!r}, "
                f"cls={self.cls!r}, catcher={self.catcher!r}, writes={self.writes!r})")


@dataclass
class Graph:
    refs: list = field(default_factory=list)  # node -> StateRef (the Parallel/Map for virtual nodes) or None
    kinds: list = field(default_factory=list)  # node -> 'state', 'join', 'err', 'cancel', 'exit'
    edges: list = field(default_factory=list)
    out: list = field(default_factory=list)  # node -> [edge index]
    node_of: dict = field(default_factory=dict)  # state pointer -> node
    frame: dict = field(default_factory=dict)  # machine pointer -> frame
    scope: dict = field(default_factory=dict)  # machine pointer -> innermost Map processor pointer or None
    start: int = -1

    def add_node(self, kind, ref=None) -> int:
        self.refs.append(ref)
        self.kinds.append(kind)
        self.out.append([])
        return len(self.refs) - 1

    def add_edge(self, edge: Edge):
        self.out[edge.src].append(len(self.edges))
        self.edges.append(edge)

    def name(self, node) -> str | None:
        ref = self.refs[node]
        return ref.name if ref is not None else None

    def frame_of(self, ref) -> str:
        return self.frame.get(ref.machine.pointer, "")

    def scope_of(self, ref):
        return self.scope.get(ref.machine.pointer)


def _rp_writes(value, present: bool):
    if present and value is None:
        return ()
    segs = path_segments(value if present else "$")
    if segs is None or segs == ():
        return ALL
    return (segs,)


def _vars(node) -> frozenset:
    assign = node.get("Assign") if isinstance(node, dict) else None
    return frozenset(k for k in assign if isinstance(k, str)) if isinstance(assign, dict) else _NO_VARIABLES


def state_writes(ref, frame) -> Writes:
    node, t = ref.node, ref.type
    variables = _vars(node)
    if ref.jsonata:
        paths = ALL if (t in ("Task", "Parallel", "Map") or "Output" in node) else ()
        return Writes(frame, paths, variables)
    paths = ()
    if t in ("Task", "Parallel", "Map"):
        paths = _rp_writes(node.get("ResultPath"), "ResultPath" in node)
    elif t == "Pass" and ("Result" in node or "Parameters" in node or "ResultPath" in node):
        paths = _rp_writes(node.get("ResultPath"), "ResultPath" in node)
    if t in ("Pass", "Choice", "Wait") and node.get("InputPath", "$") != "$" and "Result" not in node:
        paths = ALL
    if node.get("OutputPath", "$") != "$":
        paths = ALL
    return Writes(frame, paths, variables)


def catcher_writes(ref, catcher, frame) -> Writes:
    variables = _vars(catcher)
    if ref.jsonata:
        return Writes(frame, ALL, variables)
    return Writes(frame, _rp_writes(catcher.get("ResultPath"), "ResultPath" in catcher), variables)


def _is_delete(ref) -> bool:
    """An EKS delete task (deleteCluster/Nodegroup/FargateProfile, or eks:call with Method DELETE)."""
    node = ref.node
    resource = node.get("Resource") if ref.type == "Task" else None
    if not isinstance(resource, str) or ":eks:" not in resource:
        return False  # not an EKS integration (its ARN reads ...:states:...:eks:API)
    from aslint.eks.tasks import parse_resource

    parsed = parse_resource(resource)
    if parsed is None:
        return False
    if parsed[0] in ("deleteCluster", "deleteNodegroup", "deleteFargateProfile"):
        return True
    params = node.get("Arguments" if ref.jsonata else "Parameters")
    method = params.get("Method") if isinstance(params, dict) else None
    return parsed[0] == "call" and isinstance(method, str) and method.upper() == "DELETE"


def _match(error_equals, cls) -> str:
    """'full', 'partial' or '' — how a catcher's ErrorEquals matches an error class."""
    if not isinstance(error_equals, list):
        return ""
    names = [e for e in error_equals if isinstance(e, str)]
    if "States.ALL" in names:
        return "full"
    if cls == "timeout":
        return "full" if "States.Timeout" in names else ""
    if "States.TaskFailed" in names:
        return "full"
    return "partial" if any(n != "States.Timeout" for n in names) else ""


def build(doc) -> Graph:
    g = Graph()
    for _ in range(3):
        g.add_node("exit")
    m = model(doc)
    # frames and scopes, outer machines first (model.machines lists parents before children)
    for machine in m.machines:
        parent = machine.parent_state
        if parent is None:
            g.frame[machine.pointer], g.scope[machine.pointer] = "", None
            continue
        outer_frame = g.frame.get(parent.machine.pointer, "")
        node = parent.node if isinstance(parent.node, dict) else {}
        if parent.type == "Map":
            g.frame[machine.pointer] = machine.pointer
            g.scope[machine.pointer] = machine.pointer
        else:
            reshaped = node.get("InputPath", "$") != "$" or "Parameters" in node or "Arguments" in node
            g.frame[machine.pointer] = machine.pointer if reshaped else outer_frame
            g.scope[machine.pointer] = g.scope.get(parent.machine.pointer)
    for ref in m.states:
        g.node_of[ref.pointer] = g.add_node("state", ref)
    join, err, cancel = {}, {}, {}
    for ref in m.states:
        if ref.type in ("Parallel", "Map"):
            join[ref.pointer] = g.add_node("join", ref)
            err[ref.pointer] = {c: g.add_node("err", ref) for c in CLASSES}
    targets = {}  # machine pointer -> (success node, fail node, {cls: error node})
    for machine in m.machines:
        parent = machine.parent_state
        if parent is None:
            targets[machine.pointer] = (EXIT_SUCCESS, EXIT_FAIL, {c: EXIT_ERROR for c in CLASSES})
        else:
            e = err[parent.pointer]
            targets[machine.pointer] = (join[parent.pointer], e["other"], e)
            cancel[machine.pointer] = g.add_node("cancel", parent)
    top = m.machines[0] if m.machines else None
    if top is not None:
        start = top.node.get("StartAt")
        if isinstance(start, str) and start in top.states:
            g.start = g.node_of[top.states[start].pointer]

    node_of, add = g.node_of, g.add_edge

    def dispatch(src, ref, cls, owner, frame, exits):
        node = ref.node
        catchers = node.get("Catch") if isinstance(node.get("Catch"), list) else []
        states = ref.machine.states
        for i, catcher in enumerate(catchers):
            if not isinstance(catcher, dict):
                continue
            how = _match(catcher.get("ErrorEquals"), cls)
            if not how:
                continue
            target = exits.get(i)
            if isinstance(target, str) and target in states:
                add(Edge(src, node_of[states[target].pointer], "error", owner, cls,
                         f"{ref.pointer}/Catch/{i}", Later(catcher_writes, ref, catcher, frame)))
            if how == "full":
                return
        add(Edge(src, targets[ref.machine.pointer][2][cls], "error", owner, cls))

    for ref in m.states:
        node = ref.node
        if not isinstance(node, dict):
            continue
        src = node_of[ref.pointer]
        machine = ref.machine
        states = machine.states
        success, fail, _errors = targets[machine.pointer]
        frame = g.frame.get(machine.pointer, "")
        t = ref.type
        writes = Later(state_writes, ref, frame)
        if machine.parent_state is not None:
            add(Edge(src, cancel[machine.pointer], "cancel", src if t == "Task" else -1))
        # where a normal completion goes (from the state, or from the join of a Parallel/Map)
        after = join[ref.pointer] if t in ("Parallel", "Map") else src
        owner = src if t == "Task" else -1
        ways = transitions(ref)
        if t == "Choice":
            for kind in ("Choice", "Default"):
                for way in ways:
                    target = way.target
                    if way.kind == kind and isinstance(target, str) and target in states:
                        add(Edge(after, node_of[states[target].pointer], "normal", owner, "", "", writes))
            if "Default" not in node:
                add(Edge(src, _errors["other"], "error", -1, "other"))
            continue
        if t == "Succeed":
            add(Edge(src, success, "normal", -1, "", "", writes))
            continue
        if t == "Fail":
            cls = "timeout" if node.get("Error") == "States.Timeout" else "other"
            add(Edge(src, fail if cls == "other" else _errors[cls], "error", -1, cls))
            continue
        if t not in ("Task", "Pass", "Wait", "Parallel", "Map"):
            continue
        if node.get("End") is True:
            add(Edge(after, success, "normal", owner, "", "", writes))
        else:
            for way in ways:
                target = way.target
                if way.kind == "Next" and isinstance(target, str) and target in states:
                    add(Edge(after, node_of[states[target].pointer], "normal", owner, "", "", writes))
        exits = {way.index: way.target for way in ways if way.kind == "Catch"} if "Catch" in node else {}
        if t == "Task":
            dispatch(src, ref, "other", src, frame, exits)
            if not node.keys().isdisjoint(_TIMEOUT_FIELDS):
                dispatch(src, ref, "timeout", src, frame, exits)
        elif t in ("Parallel", "Map"):
            for c in CLASSES:
                dispatch(err[ref.pointer][c], ref, c, -1, frame, exits)
            if t == "Map":
                add(Edge(src, join[ref.pointer], "pass"))  # no items: no iteration runs
    # enter edges, and cancel chains, per nested machine
    for machine in m.machines:
        parent = machine.parent_state
        if parent is None:
            continue
        start = machine.node.get("StartAt")
        psrc = g.node_of[parent.pointer]
        if isinstance(start, str) and start in machine.states:
            g.add_edge(Edge(psrc, g.node_of[machine.states[start].pointer], "enter"))
        elif parent.type == "Parallel":
            g.add_edge(Edge(psrc, join[parent.pointer], "pass"))
        outer = parent.machine
        if outer.parent_state is not None:
            g.add_edge(Edge(cancel[machine.pointer], cancel[outer.pointer], "cancel"))
    with_branches = {mc.parent_state.pointer for mc in m.machines if mc.parent_state is not None}
    for ref in m.states:
        if ref.type == "Parallel" and ref.pointer not in with_branches:
            g.add_edge(Edge(g.node_of[ref.pointer], join[ref.pointer], "pass"))
    # which err nodes a real failure reaches (cancellation alone never fails a Parallel/Map)
    real = set()
    err_nodes = {n for d in err.values() for n in d.values()}
    # a failing delete task is judged by LCY020, so it does not count as a failure that cancels others
    work = [e.dst for e in g.edges if e.dst in err_nodes and e.kind == "error" and g.kinds[e.src] == "state"
            and not _is_delete(g.refs[e.src])]
    while work:
        n = work.pop()
        if n in real:
            continue
        real.add(n)
        for i in g.out[n]:
            e = g.edges[i]
            if e.dst in err_nodes and e.kind == "error":
                work.append(e.dst)
    for machine in m.machines:
        parent = machine.parent_state
        if parent is None:
            continue
        for c, n in err[parent.pointer].items():
            if n in real:
                g.add_edge(Edge(cancel[machine.pointer], n, "cancel", cls=c))
    return g


def graph(doc) -> Graph:
    cached = doc.cache.get("lcy.cfg")
    if cached is None:
        cached = doc.cache["lcy.cfg"] = build(doc)
    return cached
