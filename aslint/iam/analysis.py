"""Shared per-definition analysis for the IAM rules: the paired policies, the needs, their decisions.

Cached in the definition's ``doc.cache`` so that each rule pays nothing extra.
"""

from __future__ import annotations

import json
import os
from aslint.core.record import dataclass, field

from aslint.iam.attach import role_policies
from aslint.iam.needs import compute
from aslint.iam.policy import statements


@dataclass
class Pairing:
    docs: list
    statements: list
    notes: list
    needs: object
    decisions: list = field(default_factory=list)  # (Need, Result)
    sharers: list = field(default_factory=list)  # definitions of the file with the same role (this one included)
    reports_policy: bool = True  # this definition reports the findings that sit in the shared policies
    settings: object = None

    def shared_needs(self):
        """(needs of every definition sharing the role, all of them understood, passed roles),
        computed once per group of sharers (only the definition that reports the policy asks)."""
        holder = self.sharers[0].cache if self.sharers else {}
        cached = holder.get("iam.shared_needs")
        if cached is not None and cached[0] is self.sharers:
            return cached[1]
        items, understood, passed = [], True, []
        for doc in self.sharers:
            needs = compute(doc, self.settings, self.docs) if self.settings is not None else (doc.cache.get("iam.needs") or self.needs)
            items.extend(needs.items)
            understood = understood and needs.understood
            passed.extend(needs.passed_roles)
        holder["iam.shared_needs"] = (self.sharers, (items, understood, passed))
        return items, understood, passed

    @property
    def complete(self) -> bool:
        """Every policy of the role was read."""
        return not self.notes

    def names(self) -> str:
        files = sorted({os.path.basename(getattr(d, "path", "") or "") for d in self.docs} - {""})
        return ", ".join(files) if files else "none"


def pairing(doc, settings):
    """The role's policies and the definition's needs, or None when the definition has no paired policies."""
    cached = doc.cache.get("iam.pairing", False)
    if cached is not False:
        return cached
    docs = role_policies(doc)
    result = None
    if docs is not None:
        notes = [str(n) for n in (doc.context.get("role_policy_notes") or []) if n]
        if docs:  # no readable policy at all: nothing to judge (a template role may get its policies elsewhere)
            stmts = [s for d in docs for s in statements(d)]
            needs = compute(doc, settings, docs)
            result = Pairing(docs, stmts, notes, needs)
            from aslint.iam.evaluate import evaluate

            result.decisions = [(n, evaluate(stmts, n.request())) for n in needs.items]
            result.sharers = doc.context.get("iam_sharers") or [doc]
            result.settings = settings
            result.reports_policy = result.sharers[0] is doc
    doc.cache["iam.pairing"] = result
    return result


def statement_json(actions, resource: str, condition: dict | None = None) -> str:
    """The statement to add, as compact JSON for a message."""
    stmt = {"Effect": "Allow", "Action": actions[0] if len(actions) == 1 else list(actions), "Resource": resource}
    if condition:
        stmt["Condition"] = condition
    return json.dumps(stmt)


def pass_condition(service: str) -> dict:
    return {"StringEquals": {"iam:PassedToService": service}}


def suggested_resource(resource: str, doc) -> str:
    """The resource to write in a suggested statement: in a template, unknown account/Region/partition
    become the pseudo parameters (for use in ``!Sub``)."""
    if doc.context.get("role_policy_source") != "template" or not resource.startswith("arn:"):
        return resource
    if doc.context.get("template_format") == "terraform":
        return resource  # Terraform has no pseudo parameters
    parts = resource.split(":", 5)
    if len(parts) < 6:
        return resource
    if parts[1] in ("*", "aws"):
        parts[1] = "${AWS::Partition}"
    if parts[3] == "*":
        parts[3] = "${AWS::Region}"
    if parts[4] == "*":
        parts[4] = "${AWS::AccountId}"
    return ":".join(parts)
