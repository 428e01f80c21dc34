"""PAY005: a large task result merged into the state data and carried through the rest of the flow."""

from __future__ import annotations

from aslint.eks.flow import follower_counts
from aslint.eks.payload import large_result_kind
from aslint.eks.tasks import eks_tasks
from aslint.core.finding import Finding
from aslint.core.rule import Rule

ESTIMATES = {
    "cluster": "the whole cluster description (a few KB)",
    "logs": "the Job's logs (unbounded without LogParameters)",
    "list": "a whole Kubernetes list (unbounded without limit)",
}


class LargeResultAccumulates(Rule):
    code = "PAY005"

    def check(self, ctx):
        minimum = ctx.options["min-states"]
        for task in eks_tasks(ctx.doc):
            node = task.ref.node
            if task.jsonata or "ResultSelector" in node:
                continue
            result_path = node.get("ResultPath", "$")
            if not isinstance(result_path, str) or result_path == "$" or "OutputPath" in node:
                continue
            kind = large_result_kind(task)
            if kind is None:
                continue
            n = follower_counts(ctx.doc, task.ref.machine)[task.ref.name]  # the states that run after it
            if n < minimum:
                continue
            yield Finding(f"{task.ref.pointer}/ResultPath",
                          f"ResultPath '{str(result_path)[:40]}' merges {ESTIMATES[kind]} into the data the {n} states after it carry",
                          hint="Add a ResultSelector that keeps only the fields used later (e.g. Cluster.Endpoint)")
