"""IAM013: Describe/Delete granted on every cluster while the definition names its clusters (see rules/IAM013.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam import catalog
from aslint.iam.analysis import pairing
from aslint.iam.evaluate import action_matches
from aslint.core.rule import Rule

_TYPES = {"cluster", "nodegroup", "fargateprofile"}


def _wide(pattern: str) -> str | None:
    """The resource type a pattern grants on every instance of ('cluster/*'), else None."""
    for rtype in _TYPES:
        marker = f":{rtype}/"
        if marker in pattern and pattern.split(marker, 1)[1].startswith("*"):
            return rtype
    return None


class ClusterWideGrant(Rule):
    code = "IAM013"

    def check(self, ctx):
        pair = pairing(ctx.doc, ctx.settings)
        if pair is None or not pair.reports_policy:
            return  # reported once per policy, by the first definition that shares it
        items, understood, _ = pair.shared_needs()
        eks = [n for n in items if n.integration.startswith("eks:")]
        if not eks or not understood:
            return
        clusters = {}
        for need in eks:
            if need.resource == "*" or need.action.startswith("iam:") or not need.action.startswith("eks:"):
                continue
            if "/*/" in need.resource or need.resource.endswith("cluster/*") or "${" in need.resource:
                return  # a cluster the definition computes at run time: every cluster may be meant
            clusters.setdefault(need.action, set()).add(need.resource)
        if not clusters:
            return
        used = sorted({r for rs in clusters.values() for r in rs})
        for stmt in pair.statements:
            if not stmt.allow or stmt.action is None or stmt.resource is None:
                continue
            actions = [a for a in catalog.expand("eks:*") if a.split(":", 1)[1].startswith(("Describe", "Delete"))
                       and (catalog.resource_types(a) or []) and action_matches(stmt, a)]
            if not actions:
                continue
            for value, pointer in stmt.resource.values:
                if not isinstance(value, str):
                    continue
                rtype = _wide(value)
                if rtype is None:
                    continue
                hit = [a for a in actions if rtype in (catalog.resource_types(a) or [])]
                scoped = sorted({r for a in hit for r in clusters.get(a, ())})
                if not hit or not scoped:
                    continue
                listed = ", ".join(hit[:3]) + (f" and {len(hit) - 3} more" if len(hit) > 3 else "")
                finding = Finding(pointer, f"{stmt.label(True)} grants {listed} on every {rtype}, but the definition uses "
                                           f"{len(scoped)} named {rtype}{'s' if len(scoped) != 1 else ''}",
                                  hint=f"Scope the Resource to {scoped[0] if len(scoped) == 1 else scoped}")
                finding.document = stmt.doc
                yield finding
