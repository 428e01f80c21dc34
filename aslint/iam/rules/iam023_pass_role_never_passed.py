"""IAM023: PassRole granted on a role that the definition never passes (see rules/IAM023.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam.analysis import pairing
from aslint.iam.arn import has_wildcard, overlaps
from aslint.core.rule import Rule


class PassRoleNeverPassed(Rule):
    code = "IAM023"

    def check(self, ctx):
        pair = pairing(ctx.doc, ctx.settings)
        if pair is None or not pair.reports_policy:
            return  # reported once per policy, by the first definition that shares it
        _, understood, passed_roles = pair.shared_needs()
        if not understood:
            return  # a task aslint does not know may pass roles of its own
        passed = [role for role, _, _ in passed_roles]
        if any(has_wildcard(r) for r in passed):
            return  # a role chosen at run time: any role may be the one
        for stmt in pair.statements:
            if not stmt.allow or stmt.action is None or stmt.resource is None:
                continue
            if not any(p.strip().lower() == "iam:passrole" for p in stmt.action.strings()):
                continue
            for value, pointer in stmt.resource.values:
                if not isinstance(value, str) or has_wildcard(value) or ":role/" not in value:
                    continue
                if any(overlaps(value, r) for r in passed):
                    continue
                used = ", ".join(passed) if passed else "no role"
                finding = Finding(pointer, f"{stmt.label(True)} lets the role pass {value}, which no state of the definition passes",
                                  hint=f"Remove it from the Resource list (the definition passes {used[:100]})")
                finding.document = stmt.doc
                yield finding
