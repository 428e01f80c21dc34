"""Which createCluster a later EKS task depends on (same cluster name, reachable in the flow)."""

from __future__ import annotations

from aslint.eks.flow import cycle_has_choice, reachable_avoiding, top_in
from aslint.eks.tasks import eks_tasks, parse_resource
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


def _is_poller(ref) -> bool:
    """A DescribeCluster / eks:call task on a loop through a Choice: a wait for ACTIVE."""
    if ref.type != "Task":
        return False
    resource = ref.node.get("Resource")
    parsed = parse_resource(resource)
    describes = isinstance(resource, str) and resource.split(":")[-1].lower() == "describecluster" and ":aws-sdk:eks:" in resource
    if not describes and not (parsed and parsed[0] == "call"):
        return False
    return cycle_has_choice(ref, ref.machine)


def creations_reaching(doc, task, key, request_response_only: bool = False) -> list:
    """createCluster tasks with the same cluster key from which ``task`` is reachable.

    With ``request_response_only`` only request-response creates count, and paths through a
    polling loop (see _is_poller) do not.
    """
    creates = doc.cache.get("eks.creates")
    if creates is None:
        creates = doc.cache["eks.creates"] = [(t, cluster_key(t)) for t in eks_tasks(doc) if t.api == "createCluster"]
    out = []
    for create, create_key in creates:
        if create is task or create_key != key:
            continue
        if request_response_only and create.pattern != "":
            continue
        machine = create.ref.machine
        top = top_in(task.ref, machine)
        if top is None:
            continue
        cache = doc.cache.setdefault("eks.reach", {})
        ck = (create.ref.pointer, request_response_only)
        if ck not in cache:
            avoid = _is_poller if request_response_only else (lambda ref: False)
            cache[ck] = reachable_avoiding(create.ref, machine, avoid)
        if top.name in cache[ck]:
            out.append(create)
    return out
