"""What each EKS task creates or deletes, and how a resource is named (its identity).

A resource (cluster, node group, Fargate profile, Kubernetes Job) is named by one or more
:class:`Key` values: the literal name, or the expression that yields it (a JSONPath path, a
context path, a variable, an intrinsic call or a JSONata expression). Two keys name the same
resource when their text is equal, they read the same *frame* (the input of the same machine), and
nothing they read was overwritten in between (that last part is the data-flow's job: a Key lists
what it reads in ``inputs`` and ``variables``).
"""

from __future__ import annotations

from aslint.core import lazyre
import re
from functools import lru_cache
from aslint.core.record import dataclass

from aslint.eks.tasks import eks_tasks, is_expression

NOUN = {"cluster": "cluster", "nodegroup": "node group", "fargateprofile": "Fargate profile", "job": "Kubernetes Job"}

_VAR = lazyre.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_JSONPATH = lazyre.compile(r"(\$\$|\$[A-Za-z_][A-Za-z0-9_]*|\$)((?:\.[A-Za-z0-9_@-]+|\[[^\]]*\])*)")
_SEGMENT = lazyre.compile(r"\.([^.\[]+)|\[\s*'([^']*)'\s*\]|\[\s*\"([^\"]*)\"\s*\]|\[\s*(\d+)\s*\]")
_JOB_PATH = lazyre.compile(r"^/apis/batch/v1/namespaces/([^/]+)/jobs(?:/([^/?]+))?/?$")


def path_segments(path: str):
    """``$.a.b[0]`` -> ('a', 'b', '0'); None when the path is not a simple reference path."""
    if not isinstance(path, str) or not path.startswith("$"):
        return None
    return _segments(path)


@lru_cache(maxsize=4096)
def _segments(path: str):
    rest = path[1:]
    out, pos = [], 0
    while pos < len(rest):
        m = _SEGMENT.match(rest, pos)
        if m is None:
            return None
        out.append(next(g for g in m.groups() if g is not None))
        pos = m.end()
    return tuple(out)


@dataclass(frozen=True)
class Key:
    """How a task names a resource (or one part of its name)."""

    text: str  # 'lit:<value>' or 'expr:<expression>'
    frame: str | None = None  # the machine frame whose input it reads (None: reads no state input)
    inputs: tuple = ()  # path segment tuples it reads from the state input (None entry: unknown)
    variables: frozenset = frozenset()

    @property
    def literal(self):
        return self.text[4:] if self.text.startswith("lit:") else None

    def show(self) -> str:
        text = f"'{self.text[4:]}'" if self.text.startswith("lit:") else f"`{self.text[5:]}`"
        return text if len(text) <= 60 else text[:58] + "…" + text[-1]


def _expr_key(text: str, frame: str, jsonata: bool) -> Key:
    inputs, variables = [], set()
    if jsonata:
        body = text.strip()[2:-2]
        for name in _VAR.findall(body):
            if name != "states":
                variables.add(name)
        for m in re.finditer(r"\$states\.input((?:\.[A-Za-z0-9_]+)*)", body):
            inputs.append(tuple(s for s in m.group(1).split(".") if s))
    else:
        for m in _JSONPATH.finditer(text):
            head = m.group(1)
            if head == "$$":
                continue  # the context object does not change during an execution
            if head == "$":
                inputs.append(path_segments(m.group(0)))
            else:
                variables.add(head[1:])
    return Key("expr:" + text.strip(), frame if inputs else None, tuple(inputs), frozenset(variables))


def field_key(task, name: str, frame: str):
    """Key of a string field of an EKS task's parameters, or None when absent / not a string."""
    p = task.params
    if not isinstance(p, dict):
        return None
    if task.jsonata:
        value = p.get(name)
        if is_expression(value):
            return _expr_key(value, frame, True)
        return Key("lit:" + value) if isinstance(value, str) else None
    if name in p:
        value = p[name]
        return Key("lit:" + value) if isinstance(value, str) else None
    value = p.get(name + ".$")
    if isinstance(value, str) and value.strip():
        return _expr_key(value, frame, False)
    return None


@dataclass
class Site:
    """One EKS task seen by the lifecycle analysis."""

    task: object
    role: str  # 'create', 'delete', 'use'
    kind: str  # 'cluster', 'nodegroup', 'fargateprofile', 'job'
    cluster: Key | None  # the cluster it works on
    name: Key | None  # the resource's own name (None for a cluster: cluster is the name)
    namespace: str | None = None  # jobs
    sync: bool = False
    all_jobs: bool = False  # a DELETE of every Job (collection or dynamic path)
    scope: str | None = None  # pointer of the innermost Map processor holding it
    index: int = -1  # bit index for created resources (or deleted-cluster bit for cluster deletes)

    @property
    def ref(self):
        return self.task.ref

    def label(self) -> str:
        if self.kind == "cluster":
            return f"cluster {self.cluster.show()}"
        where = f" of cluster {self.cluster.show()}" if self.cluster else ""
        return f"{NOUN[self.kind]} {self.name.show()}{where}"


def _job_identity(doc, task):
    """(namespace, literal name) of the Job a runJob creates, or None when not tracked.

    A Job with generateName (unique per run), with ttlSecondsAfterFinished (Kubernetes deletes it)
    or with a name that is not a literal cannot collide with the next execution's Job.
    """
    from aslint.eks.job import jobs

    index = doc.cache.get("lcy.jobs")
    if index is None:
        index = doc.cache["lcy.jobs"] = {v.task.ref.pointer: v for v in jobs(doc)}
    view = index.get(task.ref.pointer)
    if view is None or view.state not in ("object", "string"):
        return None
    state, ttl, _ = view.get("spec", "ttlSecondsAfterFinished")
    if state != "absent":
        return None
    state, name, _ = view.get("metadata", "name")
    if state != "literal" or not isinstance(name, str) or not name:
        return None
    ns = task.literal("Namespace")
    st, meta_ns, _ = view.get("metadata", "namespace")
    if not isinstance(ns, str):
        ns = meta_ns if st == "literal" and isinstance(meta_ns, str) else ("default" if not task.has("Namespace") else None)
    if ns is None:
        return None
    return ns, name


def sites(doc, frame_of, scope_of) -> list:
    """Every lifecycle-relevant EKS task of ``doc``. ``frame_of(ref)``/``scope_of(ref)`` come from the CFG."""
    out = []
    for task in eks_tasks(doc):
        api, ref = task.api, task.ref
        if task.pattern not in ("", ".sync"):
            continue
        frame, scope = frame_of(ref), scope_of(ref)
        sync = task.pattern == ".sync"
        if api in ("createCluster", "deleteCluster"):
            key = field_key(task, "Name", frame)
            if key is not None:
                out.append(Site(task, "create" if api == "createCluster" else "delete", "cluster", key, key, sync=sync, scope=scope))
            continue
        cluster = field_key(task, "ClusterName", frame)
        if api in ("createNodegroup", "deleteNodegroup", "createFargateProfile", "deleteFargateProfile"):
            kind = "nodegroup" if "Nodegroup" in api else "fargateprofile"
            name = field_key(task, "NodegroupName" if kind == "nodegroup" else "FargateProfileName", frame)
            if cluster is not None:
                out.append(Site(task, "use", "cluster", cluster, cluster, scope=scope))
            if cluster is not None and name is not None:
                out.append(Site(task, "create" if api.startswith("create") else "delete", kind, cluster, name, sync=sync, scope=scope))
            continue
        if api == "runJob":
            if cluster is not None:
                out.append(Site(task, "use", "cluster", cluster, cluster, scope=scope))
                ident = _job_identity(doc, task)
                if ident is not None:
                    out.append(Site(task, "create", "job", cluster, Key("lit:" + ident[1]), namespace=ident[0], sync=sync, scope=scope))
            continue
        if api == "call" and cluster is not None:
            out.append(Site(task, "use", "cluster", cluster, cluster, scope=scope))
            method = task.literal("Method")
            if isinstance(method, str) and method.upper() == "DELETE":
                path = task.literal("Path")
                if isinstance(path, str):
                    m = _JOB_PATH.match(path.split("?")[0])
                    if m and m.group(2):
                        out.append(Site(task, "delete", "job", cluster, Key("lit:" + m.group(2)), namespace=m.group(1), scope=scope))
                    elif m:
                        out.append(Site(task, "delete", "job", cluster, None, namespace=m.group(1), all_jobs=True, scope=scope))
                elif task.is_dynamic("Path"):
                    out.append(Site(task, "delete", "job", cluster, None, all_jobs=True, scope=scope))
    return out
