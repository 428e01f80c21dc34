"""AUTH008: system:nodes / system:bootstrappers granted to an identity that is not a node."""

from __future__ import annotations

from aslint.auth.maps import MAP_KIND, entries, is_node_username
from aslint.finding import Finding
from aslint.rule import Rule

NODE_GROUPS = ("system:nodes", "system:bootstrappers", "system:node-proxier")


class NodeGroupsOnNonNodeRole(Rule):
    code = "AUTH008"
    kinds = (MAP_KIND,)

    def check(self, ctx):
        for pointer, entry in entries(ctx.doc):
            groups = entry.get("groups")
            if not isinstance(groups, list):
                continue
            username = entry.get("username")
            if is_node_username(username):
                continue
            for j, group in enumerate(groups):
                if group in NODE_GROUPS:
                    yield Finding(
                        f"{pointer}/groups/{j}",
                        f"group '{group}' is for node roles, but the username is "
                        f"{repr(username) if isinstance(username, str) else 'missing'}: a node mapping uses "
                        "'username: system:node:{{EC2PrivateDNSName}}' (Fargate: system:node:{{SessionName}}); "
                        "for a node role set that username, otherwise remove the node groups and bind an RBAC Role",
                    )
