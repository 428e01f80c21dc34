"""IAM021: iam:PassRole without an iam:PassedToService condition (see rules/IAM021.md).

A warning when the statement's roles are a wildcard (any role, to any service); advice when it
names roles one by one, whose trust policies already limit which service can use them.
"""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.core.rule import Rule
from aslint.iam.arn import glob_match, has_wildcard
from aslint.iam.evaluate import action_matches
from aslint.iam.policy import statements


def _service_for(doc, roles) -> str | None:
    """The service the paired definitions pass these roles to (one service), if known."""
    passed = (doc.context or {}).get("passed_to") or {}
    services = {service for role in roles for passed_role, service in passed.items()
                if glob_match(role, passed_role, ignore_case=True) or glob_match(passed_role, role, ignore_case=True)}
    return services.pop() if len(services) == 1 else None


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
            roles = stmt.resource.strings() if stmt.resource is not None else ["*"]
            any_role = stmt.resource is None or any(has_wildcard(r) for r in roles)
            service = _service_for(ctx.doc, roles)
            condition = f"{{\"StringEquals\": {{\"iam:PassedToService\": \"{service or 'SERVICE.amazonaws.com'}\"}}}}"
            hint = (f"Add \"Condition\": {condition}" + ("" if service else ", naming the service the role is for"))
            if any_role:
                message = f"{stmt.label()} allows iam:PassRole on any matching role to any service"
            else:
                message = f"{stmt.label()} allows iam:PassRole on named roles without iam:PassedToService"
            yield Finding(stmt.pointer, message, hint=hint, target="key", severity=None if any_role else "info")
