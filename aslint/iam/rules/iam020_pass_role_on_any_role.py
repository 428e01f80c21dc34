"""IAM020: iam:PassRole on every role (Resource "*") (see rules/IAM020.md)."""

from __future__ import annotations

from aslint.core import lazyre

from aslint.core.finding import Finding
from aslint.iam.evaluate import action_matches
from aslint.iam.policy import statements
from aslint.core.rule import Rule

_ANY_ROLE = lazyre.compile(r"^(\*|arn:[^:]*:iam::[^:]*:role/\*|arn:[^:]*:iam::[^:]*:\*)$")


class PassRoleOnAnyRole(Rule):
    code = "IAM020"
    kinds = ("iam-policy",)

    def check(self, ctx):
        for stmt in statements(ctx.doc):
            if not stmt.allow or stmt.action is None or stmt.resource is None or not action_matches(stmt, "iam:PassRole"):
                continue
            if any(a.strip() == "*" for a in stmt.action.strings()):
                continue  # IAM010 reports "*" on its own
            for value, pointer in stmt.resource.values:
                if isinstance(value, str) and _ANY_ROLE.match(value.strip()):
                    yield Finding(pointer, f"{stmt.label()} lets the holder pass any role ({value[:60]}) to a service, a privilege escalation",
                                  hint="List the role ARNs the workload passes, e.g. the cluster and node roles an EKS workflow names")
