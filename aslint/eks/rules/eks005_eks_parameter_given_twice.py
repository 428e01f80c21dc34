"""EKS005: see rules/EKS005.md. Found by the shared schema check in aslint.eks.params."""

from __future__ import annotations

from aslint.eks.params import problems
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class EksParameterGivenTwice(Rule):
    code = "EKS005"

    def check(self, ctx):
        for problem in problems(ctx.doc):
            if problem.code == self.code:
                yield Finding(problem.pointer, problem.message, target=problem.target, hint=problem.hint)
