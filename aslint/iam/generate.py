"""The least-privilege policy a definition needs, built from its needs (``aslint policy``).

Tighter than the Step Functions console's templates where the SAR allows: eks:CreateNodegroup and
eks:CreateFargateProfile are scoped to the cluster, Describe/Delete to the names the definition
uses. Uncertain and first-use needs are included (so the workflow runs) and listed as notes.
"""

from __future__ import annotations

import re

from aslint.iam.needs import FIRST_USE, UNCERTAIN


def _condition(need) -> dict | None:
    if need.action == "iam:PassRole" and need.passed_to:
        return {"StringEquals": {"iam:PassedToService": need.passed_to}}
    if need.service_name:
        op = "StringLike" if "*" in need.service_name else "StringEquals"
        return {op: {"iam:AWSServiceName": need.service_name}}
    return None


def _sid(actions: list, used: set) -> str:
    service, name = actions[0].split(":", 1)
    base = re.sub(r"[^A-Za-z0-9]", "", service.capitalize() + name) or "Statement"
    sid, n = base, 2
    while sid in used:
        sid, n = f"{base}{n}", n + 1
    used.add(sid)
    return sid


def policy_for(needs) -> tuple[dict, list]:
    """(policy, notes) for a ``Needs``."""
    import json

    groups: dict = {}
    notes = []
    for need in needs.items:
        cond = _condition(need)
        key = (json.dumps(cond, sort_keys=True) if cond else "", need.resource)
        actions = groups.setdefault(key, [])
        if need.action not in actions:
            actions.append(need.action)
        if need.level == UNCERTAIN:
            notes.append(f"state '{need.state.name}': {need.action} on {need.resource} is included but UNCERTAIN: {need.why}")
        elif need.level == FIRST_USE:
            notes.append(f"state '{need.state.name}': {need.action} is needed {need.why}; remove it once the role exists")
        if need.action == "iam:PassRole" and need.passed_to and "iam:passedtoservice" not in need.context:
            notes.append(f"state '{need.state.name}': the iam:PassedToService value {need.passed_to} for {need.resource} is UNCERTAIN")
    # statements with the same actions and condition share one Resource list
    merged: dict = {}
    for (cond, resource), actions in groups.items():
        akey = (cond, tuple(sorted(actions)))
        merged.setdefault(akey, []).append(resource)
    statements = []
    used: set = set()
    for (cond, actions), resources in merged.items():
        resources = sorted(set(resources))
        if "*" in resources:
            resources = ["*"]
        stmt = {"Sid": _sid(list(actions), used), "Effect": "Allow",
                "Action": list(actions) if len(actions) > 1 else actions[0],
                "Resource": resources if len(resources) > 1 else resources[0]}
        if cond:
            stmt["Condition"] = json.loads(cond)
        statements.append(stmt)
    for name in needs.unknown_tasks:
        notes.append(f"state '{name}': aslint does not know what its Resource needs; add those permissions yourself")
    return {"Version": "2012-10-17", "Statement": statements}, list(dict.fromkeys(notes))
