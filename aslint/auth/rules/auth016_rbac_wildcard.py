"""AUTH016: an RBAC rule with a wildcard in verbs, resources or apiGroups."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.core.rule import Rule


class RbacWildcard(Rule):
    code = "AUTH016"
    kinds = ("k8s-rbac",)

    def check(self, ctx):
        data = ctx.data if isinstance(ctx.data, dict) else {}
        if data.get("kind") not in ("Role", "ClusterRole"):
            return
        rules = data.get("rules")
        if not isinstance(rules, list):
            return
        for i, rule in enumerate(rules):
            if not isinstance(rule, dict):
                continue
            for key in ("verbs", "resources", "apiGroups"):
                values = rule.get(key)
                if isinstance(values, list) and "*" in values:
                    j = values.index("*")
                    yield Finding(f"/rules/{i}/{key}/{j}", f"'*' in {key} grants every {key[:-1]} there is, including those added later",
                                  hint="List only what the workload needs (eks:runJob: verbs create/get/list/watch/delete on batch jobs)")
