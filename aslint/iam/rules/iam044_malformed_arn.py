"""IAM044: a Resource/NotResource that is not a valid ARN (see rules/IAM044.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam.arn import problem
from aslint.iam.policy import statements
from aslint.core.rule import Rule


class MalformedArn(Rule):
    code = "IAM044"
    kinds = ("iam-policy",)

    def check(self, ctx):
        for stmt in statements(ctx.doc):
            for element in (stmt.resource, stmt.not_resource):
                if element is None:
                    continue
                for value, pointer in element.values:
                    if not isinstance(value, str):
                        continue
                    why = problem(value.strip())
                    if why:
                        yield Finding(pointer, f"{element.name} {value[:60]!r} is malformed: {why}",
                                      hint="Fix the ARN: IAM rejects the policy, or the statement matches nothing")
