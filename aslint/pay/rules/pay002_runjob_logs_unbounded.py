"""PAY002: runJob.sync retrieving logs with no bound, or a bound too large for the Job's pods."""

from __future__ import annotations

from aslint.eks.payload import QUOTA, log_bound, pods_and_containers, retrieves_logs
from aslint.eks.tasks import eks_tasks
from aslint.eks.values import lookup
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class RunJobLogsUnbounded(Rule):
    code = "PAY002"

    def check(self, ctx):
        line_bytes = ctx.options["line-bytes"]
        for task in eks_tasks(ctx.doc):
            if not retrieves_logs(task):
                continue
            kind, params_ptr, found = log_bound(task)
            _, _, flag_ptr = lookup(task, "LogOptions", "RetrieveLogs")
            if kind == "dynamic":
                continue
            pods, containers = pods_and_containers(ctx.doc, task)
            if kind == "none":
                per = max(1, QUOTA // (pods * containers) // 2)
                yield Finding(flag_ptr, "runJob.sync returns the Job's logs in the task result with no bound, which can pass 256 KiB",
                              hint=f"Add \"LogParameters\": {{\"limitBytes\": [\"{per}\"]}} (or tailLines) to LogOptions, "
                                   f"sized for {pods} pod(s) x {containers} container(s)")
                continue
            per_container = []
            if found.get("limitBytes") is not None:
                per_container.append(found["limitBytes"])
            if found.get("tailLines") is not None:
                per_container.append(found["tailLines"] * line_bytes)
            bound = min(per_container)
            total = pods * containers * bound
            if total > QUOTA:
                how = "limitBytes" if "limitBytes" in found and found["limitBytes"] == bound else f"tailLines x ~{line_bytes} bytes a line"
                per = max(1, QUOTA // (pods * containers) // 2)
                yield Finding(params_ptr, f"the log bound allows about {total:,} bytes of logs ({pods} pod(s) x "
                                          f"{containers} container(s) x {bound:,} bytes by {how}), over the 256 KiB quota",
                              hint=f"Lower it, e.g. limitBytes [\"{per}\"]")
