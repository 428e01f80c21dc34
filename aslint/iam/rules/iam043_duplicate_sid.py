"""IAM043: two statements share a Sid (see rules/IAM043.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam.policy import statements
from aslint.core.rule import Rule


class DuplicateSid(Rule):
    code = "IAM043"
    kinds = ("iam-policy",)

    def check(self, ctx):
        seen: dict = {}
        for stmt in statements(ctx.doc):
            sid = stmt.sid
            if not isinstance(sid, str) or not sid:
                continue
            first = seen.get(sid)
            if first is None:
                seen[sid] = stmt
                continue
            yield Finding(f"{stmt.pointer}/Sid", f"Sid {str(sid)[:40]!r} is already used by statement #{first.index + 1}",
                          hint="Rename one: IAM rejects duplicate Sids in many policy types",
                          related=[(f"{first.pointer}/Sid", "first use")])
