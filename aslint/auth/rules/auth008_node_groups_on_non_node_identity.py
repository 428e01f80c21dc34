"""AUTH008: system:nodes / system:bootstrappers granted to an identity that is not a node."""

from __future__ import annotations

from aslint.auth.maps import MAP_KIND, entries, is_node_username
from aslint.core.finding import Finding
from aslint.core.rule import Rule

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
            found = [(j, g) for j, g in enumerate(groups) if g in NODE_GROUPS]
            if not found:
                continue
            names = ", ".join(g for _, g in found)
            plural = len(found) > 1
            who = repr(username) if isinstance(username, str) else "missing"
            yield Finding(
                f"{pointer}/groups/{found[0][0]}",
                f"group{'s' if plural else ''} {names} {'are' if plural else 'is'} for node roles, but the username is {who[:40]}",
                hint="For a node role write 'username: system:node:{{EC2PrivateDNSName}}' (Fargate: system:node:{{SessionName}}); "
                     "otherwise remove the node groups and bind an RBAC Role",
            )
