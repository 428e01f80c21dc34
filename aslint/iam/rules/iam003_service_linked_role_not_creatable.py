"""IAM003: the role cannot create the EKS service-linked role a create task needs on first use (see rules/IAM003.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam.analysis import pairing, statement_json
from aslint.iam.evaluate import DENIED, NOT_ALLOWED
from aslint.iam.needs import FIRST_USE
from aslint.core.rule import Rule


class ServiceLinkedRoleNotCreatable(Rule):
    code = "IAM003"

    def check(self, ctx):
        pair = pairing(ctx.doc, ctx.settings)
        if pair is None or not pair.complete:
            return  # unread policies may grant it
        for need, result in pair.decisions:
            if need.level != FIRST_USE or result.decision not in (DENIED, NOT_ALLOWED):
                continue
            op = "StringLike" if "*" in (need.service_name or "") else "StringEquals"
            cond = {op: {"iam:AWSServiceName": need.service_name}} if need.service_name else None
            yield Finding(need.pointer, f"{need.action} may be needed but the role does not grant it",
                          hint=f"Create the service-linked role once beforehand (it is needed {need.why}), or add "
                               f"{statement_json([need.action], need.resource, cond)}")
