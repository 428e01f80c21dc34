"""EKS030: eks:call DELETE of a batch/v1 Job without propagationPolicy (its pods are left behind)."""

from __future__ import annotations

from aslint.eks import k8spath
from aslint.eks.tasks import eks_tasks
from aslint.eks.values import literal_string, lookup
from aslint.core.finding import Finding
from aslint.core.rule import Rule


def _has_policy(task) -> bool:
    state, query, _ = lookup(task, "QueryParameters")
    if state == "dynamic":
        return True
    if state == "literal" and isinstance(query, dict) and ("propagationPolicy" in query or "propagationPolicy.$" in query):
        return True
    state, body, _ = lookup(task, "RequestBody")
    if state == "dynamic" or (state == "literal" and isinstance(body, str)):
        return True
    return state == "literal" and isinstance(body, dict) and any(k in body for k in ("propagationPolicy", "propagationPolicy.$", "orphanDependents"))


class JobDeleteOrphansPods(Rule):
    code = "EKS030"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api != "call":
                continue
            method, _ = literal_string(task, "Method")
            path, pointer = literal_string(task, "Path")
            parsed = k8spath.parse(path)
            if method != "DELETE" or parsed is None or parsed.resource != "jobs" or parsed.group_version != "batch/v1":
                continue
            if parsed.subresource or _has_policy(task):
                continue
            what = f"Job '{parsed.name}'" if parsed.name else "the Jobs"
            yield Finding(pointer, f"DELETE of {what[:60]} without propagationPolicy leaves its pods running (Jobs default to Orphan)",
                          hint="Add \"QueryParameters\": {\"propagationPolicy\": [\"Foreground\"]} (or \"Background\")")
