"""EKS006: a literal cluster name EKS rejects (pattern and length)."""

from __future__ import annotations

from aslint.core import lazyre
import re

from aslint.eks.tasks import KNOWN_APIS, eks_tasks
from aslint.eks.values import cluster_name_field, literal_string
from aslint.core.finding import Finding
from aslint.core.rule import Rule

# EKS API model (ClusterName shape): 1-100 characters, ^[0-9A-Za-z][A-Za-z0-9\-_]*
NAME = lazyre.compile(r"^[0-9A-Za-z][A-Za-z0-9_-]*$")
MAX = 100


def problem(name: str) -> str | None:
    if not name:
        return "is empty"
    if len(name) > MAX:
        return f"is {len(name)} characters long (at most {MAX})"
    if not NAME.match(name):
        bad = sorted({c for c in name if not (c.isascii() and (c.isalnum() or c in "-_"))})
        if bad:
            return "contains " + ", ".join(repr(c) for c in bad)
        return "does not start with a letter or digit"
    return None


class InvalidClusterName(Rule):
    code = "EKS006"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api not in KNOWN_APIS:
                continue
            field = cluster_name_field(task.api)
            name, pointer = literal_string(task, field)
            if name is None:
                continue
            why = problem(name)
            if why:
                yield Finding(pointer, f"cluster name '{name[:40]}' {why}, not a valid EKS cluster name",
                              hint=f"Use 1-{MAX} letters, digits, '-' and '_', starting with a letter or digit, e.g. '{_suggest(name)[:40]}'")


def _suggest(name: str) -> str:
    fixed = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-_")[:MAX]
    return fixed or "my-cluster"
