"""AUTH007: an aws-auth mapping that grants system:masters."""

from __future__ import annotations

from aslint.auth.maps import MAP_KIND, entries
from aslint.finding import Finding
from aslint.rule import Rule


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
                    who = entry.get("username") if isinstance(entry.get("username"), str) else "this identity"
                    yield Finding(
                        f"{pointer}/groups/{j}",
                        f"'{who}' is put in system:masters, which bypasses RBAC and cannot be limited by any Role "
                        f"(full control of the cluster); drop the group, keep 'username: {who}' and bind a Role "
                        f"with only the verbs it needs to User '{who}' (a RoleBinding in its namespace)",
                    )
