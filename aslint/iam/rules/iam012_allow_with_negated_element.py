"""IAM012: Allow with NotAction or NotResource (see rules/IAM012.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam.policy import statements
from aslint.core.rule import Rule


class AllowWithNegatedElement(Rule):
    code = "IAM012"
    kinds = ("iam-policy",)

    def check(self, ctx):
        for stmt in statements(ctx.doc):
            if not stmt.allow:
                continue
            if stmt.not_action is not None:
                yield Finding(stmt.not_action.pointer, f"{stmt.label()} allows every action except those in NotAction, new ones included",
                              target="key", hint="Use Action with the actions you need (NotAction belongs with Deny)")
            if stmt.not_resource is not None:
                yield Finding(stmt.not_resource.pointer, f"{stmt.label()} allows the actions on every resource except those in NotResource",
                              target="key", hint="Use Resource with the ARNs you need")
