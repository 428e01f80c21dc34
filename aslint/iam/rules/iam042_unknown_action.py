"""IAM042: an action name no catalog knows (see rules/IAM042.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam import catalog
from aslint.iam.arn import has_wildcard
from aslint.iam.policy import statements
from aslint.core.rule import Rule


def _typo(a: str, b: str) -> bool:
    """``a`` is within two edits of ``b`` (case-insensitive): a misspelling, not a new name."""
    a, b = a.lower(), b.lower()
    if not b or abs(len(a) - len(b)) > 2:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 2


class UnknownAction(Rule):
    code = "IAM042"
    kinds = ("iam-policy",)

    def check(self, ctx):
        for stmt in statements(ctx.doc):
            for element in (stmt.action, stmt.not_action):
                if element is None:
                    continue
                for value, pointer in element.values:
                    if not isinstance(value, str):
                        yield Finding(pointer, f"{element.name} entry is a {type(value).__name__}, not a string",
                                      hint="Write actions as strings like \"eks:DescribeCluster\"")
                        continue
                    finding = self._check(value.strip(), pointer, element.name)
                    if finding is not None:
                        yield finding

    def _check(self, value: str, pointer: str, element: str):
        if value == "*" or "${" in value:
            return None
        if ":" not in value:
            return Finding(pointer, f"{element} '{value[:60]}' is not of the form service:Action", hint="Write it like eks:DescribeCluster")
        prefix = value.split(":", 1)[0]
        if has_wildcard(prefix):
            return None
        if not catalog.known_prefix(prefix):
            hint = catalog.suggest(value)
            if not _typo(prefix, (hint or ":").split(":", 1)[0]):
                return None  # maybe a service newer than the catalog: no claim
            return Finding(pointer, f"'{prefix[:40]}' is not an AWS service prefix aslint knows{' (did you mean ' + repr(hint) + '?)' if hint else ''}",
                           severity="warning",
                           hint="Fix the prefix; if the service is newer than aslint's catalog (policyuniverse, 2023-11), ignore this")
        if has_wildcard(value):
            if catalog.expand(value):
                return None
            return Finding(pointer, f"'{value[:60]}' matches no {prefix} action", hint="Check the spelling",
                           severity=None if catalog.complete(prefix) else "warning")
        if catalog.canonical(value):
            return None
        hint = catalog.suggest(value)
        did = f" (did you mean '{hint}'?)" if hint else ""
        if catalog.complete(prefix):
            return Finding(pointer, f"'{value[:60]}' is not a {prefix} action{did}, so the statement does not grant it",
                           hint=f"Write {hint}" if hint else "Fix the action's name")
        if not hint or not _typo(value.split(":", 1)[1], hint.split(":", 1)[1]):
            return None  # maybe an action newer than the catalog: no claim
        return Finding(pointer, f"'{value[:60]}' is not in aslint's {prefix} catalog{did}", severity="warning",
                       hint="Fix the name; if the action is newer than the catalog (policyuniverse, 2023-11), ignore this")
