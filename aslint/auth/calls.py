"""The eks:call states of a definition and what they do to aws-auth; the EKS tasks that write aws-auth."""

from __future__ import annotations

from aslint.core import lazyre
from aslint.core.record import dataclass, field

from aslint.asl.dynamic import is_expression
from aslint.asl.model import successors

_CONFIGMAPS = lazyre.compile(r"^/api/v1/namespaces/([^/?]+)/configmaps(?:/([^/?]+))?/?(?:\?.*)?$")


@dataclass
class Task:
    """An EKS task state: its action (call, runJob, createCluster, …) and parameters."""

    state: object  # asl.model.StateRef
    action: str
    params_pointer: str
    params: dict
    parsed_body: list = field(default_factory=list)  # [body data], once parsed

    def literal(self, key: str):
        """A literal parameter value (None for ``Key.$`` paths and JSONata expressions)."""
        value = self.params.get(key)
        return None if is_expression(value) else value

    def cluster(self) -> str | None:
        key = "Name" if self.action == "createCluster" else "ClusterName"
        value = self.params.get(key)
        if isinstance(value, str) and not is_expression(value):
            return value
        dyn = self.params.get(key + ".$")
        return ("$" + dyn) if isinstance(dyn, str) else None  # same path = same cluster, as far as a linter can tell


def cluster_label(key: str) -> str:
    """How a message names the cluster behind a key of ``EksTask.cluster()``: a name, or the path that gives it."""
    if key.startswith("$$"):  # a dynamic name: '$' + the path it is read from
        return f"the cluster named by {key[1:]}"
    return f"cluster '{key}'"


def eks_tasks(doc) -> list:
    """The EKS tasks of the definition (as the EKS family finds them) that have a parameters object."""
    cached = doc.cache.get("auth.tasks")
    if cached is not None:
        return cached
    from aslint.eks.tasks import eks_tasks as all_eks_tasks

    out = [Task(t.ref, t.api, t.params_pointer, t.params) for t in all_eks_tasks(doc) if isinstance(t.params, dict)]
    doc.cache["auth.tasks"] = out
    return out


def configmap_target(path) -> tuple[str, str | None] | None:
    """(namespace, name or None for the collection) when ``path`` is a core ConfigMap path."""
    if not isinstance(path, str):
        return None
    m = _CONFIGMAPS.match(path)
    return (m.group(1), m.group(2)) if m else None


def body_of(task: Task):
    """(pointer, value) of the call's RequestBody, literal only."""
    if "RequestBody" in task.params:
        return f"{task.params_pointer}/RequestBody", task.params["RequestBody"]
    return None, None


def body_data(task: Task):
    """The RequestBody as data: the object, or a JSON/YAML string parsed (None when it does not parse)."""
    if not task.parsed_body:
        task.parsed_body.append(_body_data(task))
    return task.parsed_body[0]


def _body_data(task: Task):
    _, body = body_of(task)
    if isinstance(body, dict):
        return body
    if isinstance(body, str) and body.strip() and not is_expression(body):
        try:
            from aslint.core.yamlparse import safe_data

            return safe_data(body)
        except Exception:
            return None
    return None


def is_aws_auth_body(data) -> bool:
    if not isinstance(data, dict) or data.get("kind") != "ConfigMap":
        return False
    meta = data.get("metadata")
    name = meta.get("name") if isinstance(meta, dict) else None
    maps = data.get("data")
    return name == "aws-auth" or (isinstance(maps, dict) and any(k in maps for k in ("mapRoles", "mapUsers")))


def aws_auth_calls(doc) -> list:
    """eks:call tasks that read or write aws-auth: by path (…/configmaps/aws-auth) or by body."""
    cached = doc.cache.get("auth.aws_auth_calls")
    if cached is not None:
        return cached
    out = []
    for task in eks_tasks(doc):
        if task.action != "call":
            continue
        target = configmap_target(task.literal("Path"))
        if (target and target[1] == "aws-auth") or is_aws_auth_body(body_data(task)):
            out.append(task)
    doc.cache["auth.aws_auth_calls"] = out
    return out


def reachable_after(ref) -> set:
    """Pointers of the states reachable from ``ref`` (excluding it unless on a loop), same machine only."""
    states = ref.machine.states
    seen: set = set()
    work = list(successors(ref))
    while work:
        name = work.pop()
        nxt = states.get(name)
        if nxt is None or nxt.pointer in seen:
            continue
        seen.add(nxt.pointer)
        work.extend(successors(nxt))
    return seen
