"""IAM002: a permission a state probably needs, where the sources are uncertain (see rules/IAM002.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam.analysis import pairing, statement_json
from aslint.iam.evaluate import DENIED, NOT_ALLOWED
from aslint.iam.needs import UNCERTAIN
from aslint.core.rule import Rule


class PossiblyMissingPermission(Rule):
    code = "IAM002"

    def check(self, ctx):
        pair = pairing(ctx.doc, ctx.settings)
        if pair is None or not pair.complete:
            return  # unread policies may grant it
        groups: dict = {}
        for need, result in pair.decisions:
            if need.level == UNCERTAIN and result.decision in (DENIED, NOT_ALLOWED):
                groups.setdefault((need.state.pointer, need.pointer, need.resource, need.why), []).append(need)
        for (_, pointer, resource, why), items in groups.items():
            actions = list(dict.fromkeys(n.action for n in items))
            names = " and ".join(actions)
            yield Finding(pointer, f"{names} on {resource} may be needed but the role does not grant it",
                          hint=f"If the task fails with an access error, add {statement_json(actions, resource)} (uncertain: {why})")
