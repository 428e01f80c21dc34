"""LCY020: a cleanup (delete) task has no Retry, so one transient error leaves the resource behind."""

from __future__ import annotations

from aslint.eks.tasks import eks_tasks
from aslint.core.finding import Finding
from aslint.core.rule import Rule

DELETES = {"deleteCluster": "cluster", "deleteNodegroup": "node group", "deleteFargateProfile": "Fargate profile"}


def retries(node) -> bool:
    """The state has at least one retrier that retries (MaxAttempts defaults to 3; 0 means never)."""
    retry = node.get("Retry") if isinstance(node, dict) else None
    if not isinstance(retry, list):
        return False
    return any(isinstance(r, dict) and r.get("MaxAttempts", 3) != 0 for r in retry)


def what_it_deletes(task):
    if task.api in DELETES:
        return DELETES[task.api]
    if task.api == "call":
        method = task.literal("Method")
        if isinstance(method, str) and method.upper() == "DELETE":
            return "Kubernetes object"
    return None


class DeleteWithoutRetry(Rule):
    code = "LCY020"
    kinds = ("asl",)

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            what = what_it_deletes(task)
            if what is None or task.pattern not in ("", ".sync") or retries(task.ref.node):
                continue
            pointer = f"{task.ref.pointer}/Retry" if "Retry" in task.ref.node else task.ref.pointer
            yield Finding(
                pointer,
                f"cleanup task '{task.ref.name}' ({task.api}) has no Retry, so one transient error leaves the {what}",
                hint='Add a Retry, e.g. [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 30, "MaxAttempts": 5, "BackoffRate": 2}]',
                target="key")
