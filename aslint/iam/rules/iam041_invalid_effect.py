"""IAM041: Effect missing or not exactly "Allow" or "Deny" (see rules/IAM041.md)."""

from __future__ import annotations

from aslint.core.finding import Finding, ValueFix
from aslint.iam.policy import statements
from aslint.core.rule import Rule


class InvalidEffect(Rule):
    code = "IAM041"
    kinds = ("iam-policy",)

    def check(self, ctx):
        for stmt in statements(ctx.doc):
            if "Effect" not in stmt.node:
                yield Finding(stmt.pointer, f"{stmt.label()} has no Effect, so IAM rejects the policy", target="key",
                              hint="Add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"")
                continue
            effect = stmt.effect
            if effect in ("Allow", "Deny"):
                continue
            pointer = f"{stmt.pointer}/Effect"
            if isinstance(effect, str) and effect.strip().lower() in ("allow", "deny"):
                right = effect.strip().capitalize()
                yield Finding(pointer, f"Effect {effect!r} is not written exactly \"{right}\", so IAM rejects the policy (it is case-sensitive)",
                              hint=f"Write \"{right}\"",
                              fix=ValueFix(pointer, right, f"write Effect as {right}"))
            else:
                yield Finding(pointer, f"Effect {str(effect)[:40]!r} is neither \"Allow\" nor \"Deny\", so IAM rejects the policy",
                              hint="Write \"Allow\" or \"Deny\"")
