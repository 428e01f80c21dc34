"""AUTH003: a user ARN under mapRoles/rolearn, or a role ARN under mapUsers/userarn."""

from __future__ import annotations

from aslint.auth import arn as arns
from aslint.auth.maps import MAP_KIND, entries, map_name
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_WANT = {"rolearn": ("role", "mapRoles"), "userarn": ("user", "mapUsers")}


class ArnKindMismatch(Rule):
    code = "AUTH003"
    kinds = (MAP_KIND,)

    def check(self, ctx):
        section = map_name(ctx.doc)
        for pointer, entry in entries(ctx.doc):
            for key, (want, home) in _WANT.items():
                parsed = arns.parse(entry.get(key))
                if parsed is None or parsed.service != "iam" or parsed.rtype not in ("role", "user") or parsed.rtype == want:
                    continue
                other_key = "userarn" if key == "rolearn" else "rolearn"
                other_home = "mapUsers" if home == "mapRoles" else "mapRoles"
                yield Finding(
                    f"{pointer}/{key}",
                    f"{key} '{parsed.text[:80]}' is an IAM {parsed.rtype} ARN, but a {key} only matches {want}s",
                    hint=f"Move the entry to {other_home} with the key '{other_key}'",
                )
            if section == "mapRoles" and "userarn" in entry and "rolearn" not in entry:
                yield Finding(f"{pointer}/userarn", "mapRoles entry with 'userarn' instead of 'rolearn' is skipped", target="key",
                              hint="Move it to mapUsers, or rename the key")
            if section == "mapUsers" and "rolearn" in entry and "userarn" not in entry:
                yield Finding(f"{pointer}/rolearn", "mapUsers entry with 'rolearn' instead of 'userarn' is skipped", target="key",
                              hint="Move it to mapRoles, or rename the key")
