"""AUTH001: a rolearn in aws-auth that carries an IAM path (…:role/service-role/name)."""

from __future__ import annotations

from aslint.auth import arn as arns
from aslint.auth.maps import MAP_KIND, entries
from aslint.core.finding import Finding, ValueFix
from aslint.core.rule import Rule


class RoleArnWithPath(Rule):
    code = "AUTH001"
    kinds = (MAP_KIND,)

    def check(self, ctx):
        for pointer, entry in entries(ctx.doc):
            parsed = arns.parse(entry.get("rolearn"))
            if parsed is None or parsed.rtype != "role" or not parsed.path:
                continue
            fixed = parsed.canonical_role()
            yield Finding(
                f"{pointer}/rolearn",
                f"rolearn '{parsed.text[:80]}' has the path '/{parsed.path[:40]}', so the mapping never matches (401 Unauthorized)",
                hint=f"Write '{fixed}' (aws-auth compares the ARN without its path), or use an EKS access entry",
                fix=ValueFix(f"{pointer}/rolearn", "", f"remove the path '{parsed.path}' from the role ARN",
                             substring=parsed.path_span),
            )
