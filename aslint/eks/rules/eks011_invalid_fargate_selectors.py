"""EKS011: Fargate profile Selectors over the limit of 5, or a selector without Namespace."""

from __future__ import annotations

from aslint.eks.tasks import eks_tasks, is_expression
from aslint.eks.values import lookup
from aslint.core.finding import Finding
from aslint.core.rule import Rule

MAX_SELECTORS = 5


class InvalidFargateSelectors(Rule):
    code = "EKS011"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api != "createFargateProfile":
                continue
            state, selectors, pointer = lookup(task, "Selectors")
            if state != "literal" or not isinstance(selectors, list):
                continue
            if len(selectors) > MAX_SELECTORS:
                yield Finding(pointer, f"Selectors has {len(selectors)} entries, over the {MAX_SELECTORS} a Fargate profile takes",
                              hint="Merge selectors (labels) or split them over several profiles")
            for i, sel in enumerate(selectors):
                if not isinstance(sel, dict) or (task.jsonata and is_expression(sel)):
                    continue
                if "Namespace" not in sel and "Namespace.$" not in sel:
                    yield Finding(f"{pointer}/{i}", f"Fargate selector {i} has no Namespace",
                                  hint="Add \"Namespace\": the namespace whose pods run on Fargate")
