"""LCY021: a request-response deleteCluster ends the workflow without waiting for the deletion."""

from __future__ import annotations

from aslint.eks.tasks import eks_tasks
from aslint.core.finding import Finding, ValueFix
from aslint.core.rule import Rule


def _ends(ref) -> bool:
    node = ref.node
    if node.get("End") is True:
        return True
    nxt = node.get("Next")
    target = ref.machine.states.get(nxt) if isinstance(nxt, str) else None
    return target is not None and target.type == "Succeed"


class ClusterDeleteUnconfirmed(Rule):
    code = "LCY021"
    kinds = ("asl",)

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api != "deleteCluster" or task.pattern != "" or not _ends(task.ref):
                continue
            resource = task.resource
            fix = None
            if isinstance(resource, str) and resource == resource.strip():
                fix = ValueFix(f"{task.ref.pointer}/Resource", resource + ".sync", "wait for the deletion (.sync)")
            yield Finding(
                f"{task.ref.pointer}/Resource",
                f"state '{task.ref.name}' starts the cluster deletion and the workflow ends without seeing whether it worked",
                hint="Use eks:deleteCluster.sync so the state waits and can fail and retry (the role then needs eks:DescribeCluster)",
                fix=fix)
