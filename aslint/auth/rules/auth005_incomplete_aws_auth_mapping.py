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
                yield Finding(pointer, f"{section} entry {i} is a {type(entry).__name__}, not a mapping",
                              hint=f"Write '- {key}: …' with 'username:' and 'groups:' under it")
                continue
            if key not in entry and not (section == "mapRoles" and "sso" in entry) and not any(k in entry for k in _ARN_KEY.values()):
                yield Finding(pointer, f"{section} entry {i} has no '{key}', so the authenticator skips it",
                              hint=f"Add '{key}: arn:aws:iam::ACCOUNT:{key[:4]}/NAME'")
            if "username" not in entry:
                yield Finding(pointer, f"{section} entry {i} has no 'username', which RBAC bindings name", severity="warning",
                              hint="Add 'username: NAME' (for nodes: system:node:{{EC2PrivateDNSName}})")
            elif not isinstance(entry["username"], str) or not entry["username"]:
                yield Finding(f"{pointer}/username", "username is not a non-empty string", hint="Write 'username: NAME'")
            groups = entry.get("groups")
            if "groups" in entry and not (isinstance(groups, list) and all(isinstance(g, str) and g for g in groups)):
                yield Finding(f"{pointer}/groups", "groups is not a list of group names, so the mapping does not parse",
                              hint="Write a list of strings, e.g. 'groups: [my-group]'")
            elif "groups" not in entry and "username" in entry:
                yield Finding(pointer, f"{section} entry {i} has no 'groups', so it gets only what bindings to its username grant",
                              severity="info",
                              hint=f"Add 'groups:', or make sure a RoleBinding to User '{str(entry.get('username'))[:40]}' exists")
