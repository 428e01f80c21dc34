"""IAM010: an Allow grants every action ("*") or every action of a service ("eks:*") (see rules/IAM010.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam.policy import statements
from aslint.core.rule import Rule


class WildcardAction(Rule):
    code = "IAM010"
    kinds = ("iam-policy",)

    def check(self, ctx):
        for stmt in statements(ctx.doc):
            if not stmt.allow or stmt.action is None:
                continue
            for value, pointer in stmt.action.values:
                if not isinstance(value, str):
                    continue
                v = value.strip()
                if v == "*":
                    yield Finding(pointer, f"{stmt.label()} allows every action of every AWS service (\"*\")",
                                  hint="List the actions the workload calls (`aslint policy DEFINITION` prints a state machine's)")
                elif v.endswith(":*") and v.count(":") == 1 and "${" not in v:
                    service = v[:-2]
                    yield Finding(pointer, f"{stmt.label()} allows every {service} action (\"{v}\"), including those that delete or change permissions",
                                  hint=f"List the {service} actions the workload calls (`aslint policy DEFINITION` prints a state machine's)")
