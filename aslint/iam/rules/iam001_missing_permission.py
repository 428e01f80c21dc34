"""IAM001: a state needs a permission the state machine role's policies do not grant (see rules/IAM001.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam.analysis import pairing, pass_condition, statement_json, suggested_resource
from aslint.iam.evaluate import DENIED, NOT_ALLOWED
from aslint.iam.needs import REQUIRED
from aslint.core.rule import Rule


def _and(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class MissingPermission(Rule):
    code = "IAM001"

    def check(self, ctx):
        pair = pairing(ctx.doc, ctx.settings)
        if pair is None or (not pair.complete and ctx.doc.context.get("role_policy_source") == "template"):
            return  # the template's unread policies (TPL005 says which) may grant it
        groups: dict = {}
        for need, result in pair.decisions:
            if need.level != REQUIRED or result.decision not in (DENIED, NOT_ALLOWED):
                continue
            key = (need.state.pointer, need.pointer, need.resource, need.passed_to or "", result.decision)
            groups.setdefault(key, []).append((need, result))
        for (_, pointer, resource, passed_to, decision), items in groups.items():
            need = items[0][0]
            actions = list(dict.fromkeys(n.action for n, _ in items))
            condition = pass_condition(passed_to) if passed_to and "iam:passedtoservice" in need.context else None
            add = statement_json(actions, suggested_resource(resource, ctx.doc), condition)
            if need.passed_role:
                what = (f"passing {need.why.split(' is passed')[0]} {resource} to {passed_to} needs iam:PassRole, "
                        "which the role's policies do not allow")
            else:
                what = f"{_and(actions)} on {resource} is needed but the role does not grant it"
            if decision == DENIED:
                denier = items[0][1].denied_by[0]
                message = f"{what}: {denier.label(True)} denies it"
                hint = "Narrow that Deny: an explicit Deny wins over any Allow"
            else:
                message = what
                hint = f"Add to {pair.names()} the statement {add}"
            severity = None
            if not pair.complete:
                severity = "info"
                message += " (some of the role's policies could not be read)"
                unread = "; ".join(pair.notes)
                unread = unread if len(unread) <= 100 else unread[:99] + "…"
                hint = f"If what could not be read ({unread}) does not grant it: {hint[0].lower()}{hint[1:]}"
            yield Finding(pointer, message, severity=severity, hint=hint)
