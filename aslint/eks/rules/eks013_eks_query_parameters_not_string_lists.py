"""EKS013: QueryParameters / LogParameters values that are not lists of strings."""

from __future__ import annotations

import json

from aslint.eks.tasks import eks_tasks, is_expression
from aslint.eks.values import lookup
from aslint.core.finding import Finding, ValueFix
from aslint.core.pointer import escape
from aslint.core.rule import Rule

FIELDS = {"call": ("QueryParameters",), "runJob": ("LogOptions", "LogParameters")}


def _as_text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value)


class ParametersNotStringLists(Rule):
    code = "EKS013"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            path = FIELDS.get(task.api)
            if path is None:
                continue
            state, mapping, pointer = lookup(task, *path)
            if state != "literal" or not isinstance(mapping, dict):
                continue  # a non-object is reported by EKS004
            name = ".".join(path)
            for key, value in mapping.items():
                if not task.jsonata and key.endswith(".$"):
                    continue
                if task.jsonata and is_expression(value):
                    continue
                at = f"{pointer}/{escape(key)}"
                if isinstance(value, list):
                    for i, item in enumerate(value):
                        if not isinstance(item, str) and not isinstance(item, (dict, list)) and item is not None:
                            yield Finding(f"{at}/{i}", f"{name}.{key}[{i}] is {json.dumps(item)[:30]}, not a string",
                                          fix=ValueFix(f"{at}/{i}", _as_text(item), "quote the value"),
                                          hint=f"Write \"{_as_text(item)[:30]}\": the values of {name} are lists of strings")
                        elif not isinstance(item, str):
                            yield Finding(f"{at}/{i}", f"{name}.{key}[{i}] is not a string",
                                          hint=f"Write a string: the values of {name} are lists of strings")
                    continue
                if isinstance(value, (str, int, float, bool)):
                    yield Finding(at, f"{name}.{key} is {json.dumps(value)[:30]}, not a list of strings",
                                  fix=ValueFix(at, [_as_text(value)], "wrap the value in a list of strings"),
                                  hint=f"Write \"{key}\": [\"{_as_text(value)[:30]}\"]")
                else:
                    yield Finding(at, f"{name}.{key} is not a list of strings", hint=f"Write e.g. \"{key}\": [\"VALUE\"]")
