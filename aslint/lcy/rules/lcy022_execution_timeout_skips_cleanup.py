"""LCY022: a top-level TimeoutSeconds on a workflow that creates a cluster: the timeout skips all cleanup."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.lcy.dataflow import flow
from aslint.core.rule import Rule


class ExecutionTimeoutSkipsCleanup(Rule):
    code = "LCY022"
    kinds = ("asl",)

    def check(self, ctx):
        data = ctx.data
        if not isinstance(data, dict) or "TimeoutSeconds" not in data:
            return
        clusters = [s for s in flow(ctx.doc).creates if s.kind == "cluster"]
        if not clusters:
            return
        names = ", ".join(f"'{s.ref.name}'" for s in clusters[:3])
        yield Finding(
            "/TimeoutSeconds",
            f"the execution's TimeoutSeconds ends a long run with no cleanup, so the cluster created in state {names} stays",
            hint="Set TimeoutSeconds on the long tasks instead: their States.Timeout can be caught and lead to the cleanup",
            target="key", related=[(s.ref.pointer, "the cluster is created here") for s in clusters])
