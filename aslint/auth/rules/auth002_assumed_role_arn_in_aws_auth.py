"""AUTH002: an STS assumed-role ARN where aws-auth needs the IAM role ARN."""

from __future__ import annotations

from aslint.auth import arn as arns
from aslint.auth.maps import MAP_KIND, entries
from aslint.core.finding import Finding, ValueFix
from aslint.core.rule import Rule


class AssumedRoleArn(Rule):
    code = "AUTH002"
    kinds = (MAP_KIND,)

    def check(self, ctx):
        for pointer, entry in entries(ctx.doc):
            for key in ("rolearn", "userarn"):
                parsed = arns.parse(entry.get(key))
                if parsed is None or parsed.rtype != "assumed-role":
                    continue
                role = parsed.canonical_role()
                fix = None
                if role and key == "rolearn":
                    fix = ValueFix(f"{pointer}/{key}", role, "use the IAM role ARN", substring=(0, len(parsed.text)))
                yield Finding(
                    f"{pointer}/{key}",
                    f"{key} '{parsed.text[:80]}' is an STS assumed-role (session) ARN, so the mapping never matches",
                    hint=(f"Write the role ARN '{role}' under mapRoles as rolearn" if role else "Write the IAM role ARN"),
                    fix=fix,
                )
