"""IAM030: permissions the role's policies grant that no state needs (see rules/IAM030.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam import catalog
from aslint.iam.analysis import pairing
from aslint.iam.arn import glob_match, has_wildcard, overlaps
from aslint.iam.needs import table
from aslint.core.rule import Rule


class UnusedGrant(Rule):
    code = "IAM030"

    def check(self, ctx):
        pair = pairing(ctx.doc, ctx.settings)
        if pair is None or not pair.reports_policy:
            return  # reported once per policy, by the first definition that shares it
        needs, understood, _ = pair.shared_needs()
        if not understood:
            return  # a task aslint does not know may use any of them
        ambient = table().get("ambient", [])
        whose = "the definition" if len(pair.sharers) == 1 else f"the {len(pair.sharers)} definitions sharing the role"
        for stmt in pair.statements:
            if not stmt.allow or stmt.action is None or stmt.resource is None:
                continue
            resources = [r for r in stmt.resource.values]
            for value, pointer in stmt.action.values:
                if not isinstance(value, str) or ":" not in value or "${" in value:
                    continue
                if any(glob_match(a, value, ignore_case=True) or glob_match(value, a, ignore_case=True) for a in ambient):
                    continue
                expanded = catalog.expand(value) if has_wildcard(value) else [catalog.canonical(value) or value]
                if not expanded:
                    continue

                def used(action):
                    return any(n.action.lower() == action.lower() and
                               any(not isinstance(r, str) or overlaps(r, n.resource) for r, _ in resources) for n in needs)

                if any(used(a) for a in expanded):
                    continue
                what = value if not has_wildcard(value) else f"{value} ({len(expanded)} actions)"
                shown = ", ".join(str(r) for r, _ in resources[:2]) + (f" and {len(resources) - 2} more" if len(resources) > 2 else "")
                finding = Finding(pointer, f"{stmt.label(True)} grants {what}, which no state of {whose} needs",
                                  hint=f"Remove it (least privilege; it is granted on {shown[:120]})")
                finding.document = stmt.doc
                yield finding
