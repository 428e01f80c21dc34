"""Which createCluster a later EKS task depends on (same cluster name, reachable in the flow).

For each (cluster key, machine, mode) one breadth-first walk starts from every createCluster of
that key at once and remembers which create reached each state first, so the cost is the number
of distinct cluster names times the size of the machine, not creates times states.
"""

from __future__ import annotations

from aslint.eks.flow import graph, loops_through_choice, top_in
from aslint.asl.resource import parse
from aslint.eks.tasks import eks_tasks
from aslint.eks.values import cluster_name_field, lookup


def cluster_key(task):
    """('literal', name) or ('dynamic', expression text) for the task's cluster name, or None."""
    field = cluster_name_field(task.api)
    state, value, _ = lookup(task, field)
    if state == "literal" and isinstance(value, str):
        return ("literal", value)
    if state == "dynamic" and isinstance(task.params, dict):
        raw = task.params.get(field + ".$", task.params.get(field))
        if isinstance(raw, str):
            return ("dynamic", raw.strip())
    return None


def _polls(ref) -> bool:
    """A DescribeCluster (aws-sdk) or eks:call task."""
    if ref.type != "Task":
        return False
    resource = ref.node.get("Resource")
    parsed = parse(resource)
    describes = parsed is not None and parsed.kind == "sdk" and parsed.service == "eks" and parsed.api.lower() == "describecluster"
    return describes or bool(parsed and parsed.kind == "integration" and parsed.service == "eks" and parsed.api == "call")


def _pollers(doc) -> set:
    """Pointers of the polling tasks that sit on a loop through a Choice: waits for ACTIVE."""
    cached = doc.cache.get("eks.pollers")
    if cached is None:
        from aslint.asl.model import model

        cached = set()
        for machine in model(doc).machines:
            candidates = [r for r in machine.states.values() if _polls(r)]
            if candidates:
                looping = loops_through_choice(machine)
                cached.update(r.pointer for r in candidates if r.name in looping)
        doc.cache["eks.pollers"] = cached
    return cached


def _walk(doc, sources, machine, rr_only, targets=None) -> dict:
    """state name -> the create (EksTask) that reaches it first, from all ``sources`` at once.

    With ``targets`` (names) the walk stops once each of them is reached: a name's entry never
    changes after it is set, so theirs are the same as a whole walk's, and a cluster used only
    near its create costs a few states, not the rest of the machine."""
    remaining = set(targets) if targets is not None else None
    pollers = _pollers(doc) if rr_only else set()
    graphs = doc.cache.setdefault("eks.graphs", {})
    g = graphs.get(machine.pointer)
    if g is None:
        g = graphs[machine.pointer] = graph(machine)
    reached: dict = {}
    queue = []
    for create in sources:
        for name in g.get(create.ref.name, ()):
            queue.append((name, create))
    while queue:
        nxt = []
        for name, create in queue:
            if name in reached:
                continue
            ref = machine.states.get(name)
            if ref is None:
                continue
            if ref.pointer in pollers:
                reached[name] = None  # blocked: a wait for ACTIVE
                if remaining is not None:
                    remaining.discard(name)
                    if not remaining:
                        return reached
                continue
            reached[name] = create
            if remaining is not None:
                remaining.discard(name)
                if not remaining:
                    return reached
            nxt.extend((n, create) for n in g[name])
        queue = nxt
    return reached


def _users(doc, key, machine) -> set:
    """Names of the states of ``machine`` holding an EKS task that names cluster ``key``."""
    index = doc.cache.get("eks.users")
    if index is None:
        index = doc.cache["eks.users"] = {}
        for task in eks_tasks(doc):
            index.setdefault(cluster_key(task), []).append(task)
    out = set()
    for task in index.get(key, ()):
        top = top_in(task.ref, machine)
        if top is not None:
            out.add(top.name)
    return out


def creations_reaching(doc, task, key, request_response_only: bool = False) -> list:
    """createCluster tasks with the same cluster key from which ``task`` is reachable.

    With ``request_response_only`` only request-response creates count, and paths through a
    polling loop (see _is_poller) do not.
    """
    index = doc.cache.get("eks.creates")
    if index is None:
        index = doc.cache["eks.creates"] = {}
        for create in eks_tasks(doc):
            if create.api == "createCluster":
                ck = cluster_key(create)
                if ck is not None:
                    for rr in (False, True):
                        if rr and create.pattern != "":
                            continue
                        groups = index.setdefault((ck, rr), {})
                        groups.setdefault(id(create.ref.machine), (create.ref.machine, []))[1].append(create)
    groups = index.get((key, request_response_only), {})
    out = []
    walks = doc.cache.setdefault("eks.walks", {})
    for mid, (machine, sources) in groups.items():
        top = top_in(task.ref, machine)
        if top is None:
            continue
        # the walk may stop once every other state naming the cluster is reached; a create's own
        # state (reached only round a loop) or a caller's own key gets the whole walk, cached apart
        users = _users(doc, key, machine) - {s.ref.name for s in sources}
        bounded = top.name in users
        ck = (key, mid, request_response_only, bounded)
        if ck not in walks:
            walks[ck] = _walk(doc, [s for s in sources], machine, request_response_only, users if bounded else None)
        create = walks[ck].get(top.name)
        if create is not None and create is not task:
            out.append(create)
    return out


def kubernetes_tasks(doc):
    """(task, cluster key) for each eks:runJob and eks:call task whose cluster aslint can name."""
    from aslint.eks.tasks import eks_tasks

    for task in eks_tasks(doc):
        if task.api not in ("runJob", "call"):
            continue
        key = cluster_key(task)
        if key is not None:
            yield task, key
