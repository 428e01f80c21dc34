"""IAM021: iam:PassRole without an iam:PassedToService condition (see rules/IAM021.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam.evaluate import action_matches
from aslint.iam.policy import statements
from aslint.core.rule import Rule


class PassRoleWithoutPassedToService(Rule):
    code = "IAM021"
    kinds = ("iam-policy",)

    def check(self, ctx):
        for stmt in statements(ctx.doc):
            if not stmt.allow or stmt.action is None or not action_matches(stmt, "iam:PassRole"):
                continue
            if not any(p.strip().lower() in ("iam:passrole", "iam:pass*", "iam:passro*") for p in stmt.action.strings()):
                continue  # a wildcard action: IAM010 reports it
            keys = {str(k).lower() for block in (stmt.condition or {}).values() if isinstance(block, dict) for k in block}
            if "iam:passedtoservice" in keys:
                continue
            yield Finding(stmt.pointer, f"{stmt.label()} allows iam:PassRole with no iam:PassedToService condition, so the "
                                        "roles can be passed to any service; add a condition naming the service the roles are "
                                        "for, e.g. \"Condition\": {\"StringEquals\": {\"iam:PassedToService\": "
                                        "\"eks.amazonaws.com\"}} for EKS cluster and node roles",
                          target="key")
