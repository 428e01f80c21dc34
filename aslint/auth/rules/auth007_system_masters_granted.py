"""AUTH007: an aws-auth mapping that grants system:masters."""

from __future__ import annotations

from aslint.auth import arn as arns
from aslint.auth.maps import MAP_KIND, entries
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class SystemMasters(Rule):
    code = "AUTH007"
    kinds = (MAP_KIND,)

    def check(self, ctx):
        for pointer, entry in entries(ctx.doc):
            groups = entry.get("groups")
            if not isinstance(groups, list):
                continue
            for j, group in enumerate(groups):
                if group == "system:masters":
                    name = entry.get("username")
                    known = isinstance(name, str) and name and not arns.is_dynamic(name)
                    who = f"'{name}'" if known else "this identity"
                    user = f"User '{name}'" if known else "its username"
                    yield Finding(
                        f"{pointer}/groups/{j}",
                        f"{who[:60]} is put in system:masters, which bypasses RBAC (full control of the cluster)",
                        hint=f"Drop the group and bind a Role with only the verbs it needs to {user[:60]}, or to a group you map",
                    )
