"""AUTH005: an aws-auth mapping without its ARN, username or groups (or with malformed ones)."""

from __future__ import annotations

from aslint.auth.maps import MAP_KIND, map_name
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_ARN_KEY = {"mapRoles": "rolearn", "mapUsers": "userarn"}


class MappingMissingField(Rule):
    code = "AUTH005"
    kinds = (MAP_KIND,)

    def check(self, ctx):
        section = map_name(ctx.doc)
        key = _ARN_KEY.get(section)
        if key is None or not isinstance(ctx.data, list):
            return
        for i, entry in enumerate(ctx.data):
            pointer = f"/{i}"
            if not isinstance(entry, dict):
                yield Finding(pointer, f"{section} entry {i} is a {type(entry).__name__}, not a mapping: write "
                              f"'- {key}: …' with 'username:' and 'groups:' under it")
                continue
            if key not in entry and not (section == "mapRoles" and "sso" in entry) and not any(k in entry for k in _ARN_KEY.values()):
                yield Finding(pointer, f"{section} entry {i} has no '{key}': the authenticator skips it; add "
                              f"'{key}: arn:aws:iam::ACCOUNT:{key[:4]}/NAME'")
            if "username" not in entry:
                yield Finding(pointer, f"{section} entry {i} has no 'username': the EKS guide gives every mapping one, and "
                              "RBAC bindings name it; add 'username: NAME' (for nodes: system:node:{{EC2PrivateDNSName}})",
                              severity="warning")
            elif not isinstance(entry["username"], str) or not entry["username"]:
                yield Finding(f"{pointer}/username", f"username must be a non-empty string; write 'username: NAME'")
            groups = entry.get("groups")
            if "groups" in entry and not (isinstance(groups, list) and all(isinstance(g, str) and g for g in groups)):
                yield Finding(f"{pointer}/groups", "groups must be a list of group names (strings), e.g. "
                              "'groups: [my-group]'; a single string or a number does not parse as a mapping")
            elif "groups" not in entry and "username" in entry:
                yield Finding(pointer, f"{section} entry {i} has no 'groups': it gets only what a RoleBinding or "
                              f"ClusterRoleBinding with subject User '{entry.get('username')}' grants; add 'groups:' "
                              "or make sure such a binding exists", severity="info")
