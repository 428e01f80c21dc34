"""Lint a definition (dict or text) with the ASL structure rules only."""

from __future__ import annotations

import json

from aslint.api import lint_text
from aslint.core.engine import RuleSet
from aslint.core.settings import Settings

_RULESET = None


def ruleset():
    global _RULESET
    if _RULESET is None:
        _RULESET = RuleSet(Settings(select=["ASL0", "ASL1", "ASL2"]))
    return _RULESET


def lint(definition, filename: str = "machine.asl.json"):
    text = definition if isinstance(definition, str) else json.dumps(definition, indent=2)
    return lint_text(text, filename, ruleset=ruleset())


def found(definition, code: str, filename: str = "machine.asl.json"):
    return [d for d in lint(definition, filename) if d.code == code]


def machine(states: dict, start: str | None = None, **top):
    return {**top, "StartAt": start or next(iter(states)), "States": states}


def task(**fields):
    base = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "End": True}
    base.update(fields)
    return base
