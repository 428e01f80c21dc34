"""EKS031: an eks:call on a Job by name in another namespace than the runJob that creates it."""

from __future__ import annotations

from aslint.eks import k8spath
from aslint.eks.job import jobs, literal_str
from aslint.eks.tasks import eks_tasks
from aslint.eks.values import literal_string
from aslint.core.finding import Finding
from aslint.core.rule import Rule


def _created(doc) -> dict:
    """Job name -> [(namespace, runJob task)] for runJobs with literal name and namespace."""
    out: dict = {}
    for view in jobs(doc):
        if view.state not in ("object", "string"):
            continue
        name, _ = literal_str(view, "metadata", "name")
        if name is None:
            continue
        task = view.task
        if task.has("Namespace"):
            ns, _ = literal_string(task, "Namespace")
        else:
            ns, _ = literal_str(view, "metadata", "namespace")
            if view.get("metadata", "namespace")[0] == "absent":
                ns = "default"
        if ns is None:
            continue
        out.setdefault(name, []).append((ns, task))
    return out


class CallJobNamespaceMismatch(Rule):
    code = "EKS031"

    def check(self, ctx):
        created = None
        for task in eks_tasks(ctx.doc):
            if task.api != "call":
                continue
            path, pointer = literal_string(task, "Path")
            parsed = k8spath.parse(path)
            if parsed is None or parsed.resource != "jobs" or not parsed.name or parsed.namespace is None:
                continue
            if created is None:
                created = _created(ctx.doc)
            runs = created.get(parsed.name)
            if not runs or any(ns == parsed.namespace for ns, _ in runs):
                continue
            ns, run = runs[0]
            yield Finding(pointer, f"Path names Job '{parsed.name[:40]}' in namespace '{parsed.namespace[:40]}', but it runs in '{ns[:40]}' (404)",
                          hint=f"Use /apis/batch/v1/namespaces/{ns}/jobs/{parsed.name}",
                          related=[(run.ref.pointer, f"runJob in namespace '{ns}'")])
