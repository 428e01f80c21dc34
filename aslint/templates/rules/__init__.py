"""TPL family: template-level findings (a definition in S3, a DefinitionUri that does not exist, a
DefinitionString that is not JSON after substitution, …). The template extractors
(:mod:`aslint.templates`) record them while reading the template; each rule reports its own."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.core.rule import Rule

TEMPLATE_KINDS = ("cfn-template", "ack-statemachine", "terraform-plan", "terraform", "serverless")


class TemplateProblemRule(Rule):
    """Reports the problems with this rule's code that the template's extractor recorded."""

    kinds = TEMPLATE_KINDS

    def check(self, ctx):
        from aslint.templates.common import ANALYSIS

        analysis = ctx.cache.get(ANALYSIS)
        if analysis is None:
            return
        for problem in analysis.problems:
            if problem.code == self.code:
                finding = Finding(problem.pointer, problem.message, target=problem.target, hint=problem.hint)
                if problem.document is not None:
                    finding.document = problem.document  # in another file of a Terraform module
                yield finding
