"""Does a set of policies allow an action on a resource? A small IAM evaluator for aslint's needs.

Covers Allow/Deny, Action/NotAction, Resource/NotResource, case-insensitive action globs, ARN globs
(policy variables ``${aws:…}`` and template placeholders read as ``*``), and the condition
operators String*/Arn* (with IfExists and ForAnyValue/ForAllValues), Null and Bool on the keys a
request describes (``iam:PassedToService``, ``iam:AWSServiceName``, ``aws:RequestTag/…``,
``aws:TagKeys``). Explicit Deny wins.

Conservative where it cannot know: a condition on a key the request does not describe is
*unknown*; an Allow under an unknown condition counts as a possible grant (``conditional``), and a
Deny under one is not counted (the result carries a note saying so). A request resource holding
wildcards (a name the definition computes at run time) is granted by a statement whose Resource
may match it, and denied only by one that surely does.
"""

from __future__ import annotations

from aslint.core.record import dataclass, field

from aslint.iam.arn import covers, glob_match, overlaps, wildcard

ALLOWED, CONDITIONAL, DENIED, NOT_ALLOWED = "allowed", "conditional", "denied", "not-allowed"


@dataclass
class Request:
    action: str
    resource: str = "*"
    context: dict = field(default_factory=dict)  # lower-case key -> list of values
    absent: tuple = ()  # lower-case keys (or prefixes ending in '/') known to be absent


@dataclass
class Result:
    decision: str
    allowed_by: list = field(default_factory=list)
    denied_by: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def granted(self) -> bool:
        return self.decision in (ALLOWED, CONDITIONAL)


def action_matches(stmt, action: str) -> bool:
    if stmt.action is not None:
        return any(glob_match(p.strip(), action, ignore_case=True) for p in stmt.action.strings())
    if stmt.not_action is not None:
        return not any(glob_match(p.strip(), action, ignore_case=True) for p in stmt.not_action.strings())
    return False


def resource_matches(stmt, resource: str, surely: bool) -> bool:
    """``surely``: every resource the request may mean is matched; else: some may be."""
    if stmt.resource is not None:
        values = stmt.resource.values
        for value, _ in values:
            if not isinstance(value, str):  # an unrendered intrinsic: could be anything
                if not surely:
                    return True
                continue
            if (covers(value, resource) if surely else overlaps(value, resource)):
                return True
        return False
    if stmt.not_resource is not None:
        patterns = [v for v in stmt.not_resource.strings()]
        if surely:
            return not any(overlaps(p, resource) for p in patterns)
        return not any(covers(p, resource) for p in patterns)
    return False


def _values(raw) -> list:
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for v in items:
        if isinstance(v, bool):
            out.append("true" if v else "false")
        elif isinstance(v, (str, int, float)):
            out.append(str(v))
    return out


def _lookup(request: Request, key: str):
    """(known, values): values None when the key is known to be absent."""
    k = key.lower()
    if k in request.context:
        return True, request.context[k]
    for a in request.absent:
        if k == a or (a.endswith("/") and k.startswith(a)):
            return True, None
    return False, None


_STRING_OPS = {"stringequals", "stringnotequals", "stringequalsignorecase", "stringnotequalsignorecase",
               "stringlike", "stringnotlike", "arnequals", "arnnotequals", "arnlike", "arnnotlike"}


def _match_one(base: str, value: str, cond: str):
    if base in ("stringlike", "stringnotlike", "arnlike", "arnnotlike", "arnequals", "arnnotequals"):
        return glob_match(cond, value)
    if "${" in cond:
        return None  # a policy variable in an Equals operator: its value is not known
    if base in ("stringequalsignorecase", "stringnotequalsignorecase"):
        return value.lower() == cond.lower()
    return value == cond


def _and(results):
    out = True
    for r in results:
        if r is False:
            return False
        if r is None:
            out = None
    return out


def condition_holds(condition, request: Request, notes: list):
    """True, False, or None (unknown) for a statement's Condition block."""
    if condition is None:
        return True
    if not isinstance(condition, dict):
        return None
    results = []
    for op, block in condition.items():
        if not isinstance(op, str) or not isinstance(block, dict):
            results.append(None)
            continue
        name = op
        mode = ""
        if ":" in name:
            mode, name = name.split(":", 1)
            mode = mode.lower()
        if_exists = name.endswith("IfExists")
        base = (name[: -len("IfExists")] if if_exists else name).lower()
        negated = "not" in base and base not in ("null",)
        for key, raw in block.items():
            known, present = _lookup(request, str(key))
            conds = _values(raw)
            if not known:
                notes.append(f"the condition {op} on {key} depends on a value aslint cannot know")
                results.append(None)
                continue
            if base == "null":
                want = [c.lower() == "true" for c in conds]
                results.append(any(w == (present is None) for w in want))
                continue
            if present is None:  # the key is absent from the request
                if if_exists or negated or mode == "forallvalues":
                    results.append(True)
                else:
                    results.append(False)
                continue
            if base == "bool":
                results.append(any(c.lower() == v.lower() for v in present for c in conds))
                continue
            if base not in _STRING_OPS:
                notes.append(f"the operator {op} on {key} is not evaluated by aslint")
                results.append(None)
                continue
            positive = base.replace("not", "") if negated else base

            def hit(v):
                found = [_match_one(positive, v, c) for c in conds]
                if any(f is True for f in found):
                    return True
                return None if any(f is None for f in found) else False

            per_value = [hit(v) for v in present]
            if negated:
                per_value = [None if h is None else not h for h in per_value]
            if mode == "forallvalues":
                results.append(_and(per_value))
            else:  # ForAnyValue, or a single-valued key
                if any(h is True for h in per_value):
                    results.append(True)
                elif any(h is None for h in per_value):
                    results.append(None)
                else:
                    results.append(False)
    return _and(results)


def evaluate(statements, request: Request) -> Result:
    """The decision for ``request`` under every statement of a role's policies."""
    result = Result(NOT_ALLOWED)
    possible_allow = []
    resource = wildcard(request.resource or "*")
    for stmt in statements:
        if stmt.effect not in ("Allow", "Deny") or not action_matches(stmt, request.action):
            continue
        if stmt.effect == "Deny":
            if not resource_matches(stmt, resource, surely=True):
                if resource_matches(stmt, resource, surely=False):
                    result.notes.append(f"{stmt.label(True)} denies it for some resources; aslint cannot tell whether this one is among them")
                continue
            notes: list = []
            holds = condition_holds(stmt.condition, request, notes)
            if holds is True:
                result.denied_by.append(stmt)
            elif holds is None:
                result.notes.append(f"{stmt.label(True)} may deny it ({'; '.join(notes) or 'unknown condition'})")
            continue
        if not resource_matches(stmt, resource, surely=False):
            continue
        notes = []
        holds = condition_holds(stmt.condition, request, notes)
        if holds is False:
            continue
        if holds is True:
            result.allowed_by.append(stmt)
        else:
            possible_allow.append(stmt)
            result.notes.extend(notes)
    if result.denied_by:
        result.decision = DENIED
    elif result.allowed_by:
        result.decision = ALLOWED
    elif possible_allow:
        result.allowed_by = possible_allow
        result.decision = CONDITIONAL
    return result
