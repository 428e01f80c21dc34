"""EKS014: LogOptions on a request-response runJob (they only take effect with runJob.sync)."""

from __future__ import annotations

from aslint.eks.tasks import eks_tasks
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class LogOptionsWithoutSync(Rule):
    code = "EKS014"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api != "runJob" or task.sync or task.pattern not in ("",) or not task.has("LogOptions"):
                continue
            yield Finding(task.pointer("LogOptions"),
                          "LogOptions have no effect without .sync: runJob returns as soon as the Job is created",
                          target="key", hint="Use the eks:runJob.sync resource, or remove LogOptions")
