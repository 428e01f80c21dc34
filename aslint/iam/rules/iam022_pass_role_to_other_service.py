"""IAM022: PassRole on a role the definition passes to EKS allows other services too (see rules/IAM022.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam.analysis import pairing
from aslint.iam.arn import overlaps
from aslint.iam.evaluate import action_matches
from aslint.core.rule import Rule


def passed_to_values(stmt):
    """[(operator, value, pointer)] of the iam:PassedToService conditions of a statement."""
    out = []
    cond = stmt.condition or {}
    for op, block in cond.items():
        if not isinstance(block, dict):
            continue
        for key, raw in block.items():
            if isinstance(key, str) and key.lower() == "iam:passedtoservice":
                base = f"{stmt.pointer}/Condition/{op}/{key}"
                if isinstance(raw, list):
                    out.extend((op, v, f"{base}/{i}") for i, v in enumerate(raw))
                else:
                    out.append((op, raw, base))
    return out


class PassRoleToOtherService(Rule):
    code = "IAM022"

    def check(self, ctx):
        pair = pairing(ctx.doc, ctx.settings)
        if pair is None or not pair.reports_policy:
            return  # reported once per policy, by the first definition that shares it
        roles = [(role, service, need) for role, service, need in pair.shared_needs()[2]
                 if service == "eks.amazonaws.com" and "iam:passedtoservice" in need.context]
        if not roles:
            return
        for stmt in pair.statements:
            if not stmt.allow or not action_matches(stmt, "iam:PassRole") or stmt.resource is None:
                continue
            hits = [r for r in roles if any(isinstance(v, str) and overlaps(v, r[0]) for v in stmt.resource.strings())]
            if not hits:
                continue
            for op, value, pointer in passed_to_values(stmt):
                if "not" in op.lower() or not isinstance(value, str) or value == "eks.amazonaws.com":
                    continue
                finding = Finding(pointer, f"{stmt.label(True)} lets the role pass {hits[0][0]} to {value}, but the definition passes it only to EKS",
                                  hint=f"Remove {value} so that iam:PassedToService allows eks.amazonaws.com alone")
                finding.document = stmt.doc
                yield finding
