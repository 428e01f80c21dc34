"""EKS001: an eks: resource Step Functions does not offer (unknown API, or a pattern it lacks)."""

from __future__ import annotations

from aslint.eks.params import did_you_mean
from aslint.eks.tasks import KNOWN_APIS, eks_tasks
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class UnsupportedEksIntegration(Rule):
    code = "EKS001"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            pointer = f"{task.ref.pointer}/Resource"
            if task.api not in KNOWN_APIS:
                guess = did_you_mean(task.api, KNOWN_APIS)
                near = f" (did you mean 'eks:{guess}'?)" if guess else ""
                yield Finding(pointer, f"'eks:{task.api[:40]}' is not an EKS integration of Step Functions{near}",
                              hint=f"Use eks:{guess}" if guess else
                              "Use one of eks:" + ", eks:".join(KNOWN_APIS) + ", or the SDK integration arn:aws:states:::aws-sdk:eks:…")
                continue
            allowed = KNOWN_APIS[task.api]
            if task.pattern in allowed:
                continue
            if task.pattern == ".waitForTaskToken":
                why = "EKS integrations do not support the callback pattern (.waitForTaskToken)"
            else:
                why = f"eks:{task.api} does not support the '{task.pattern}' pattern"
            options = " or ".join(f"'arn:aws:states:::eks:{task.api}{p}'" for p in allowed)
            extra = " (runJob.sync waits for a Job; or poll with eks:call in a Choice loop)" if task.api == "call" else ""
            yield Finding(pointer, why, hint=f"Use {options}{extra}")
