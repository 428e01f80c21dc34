"""ASL211: a Choice comparison whose value has the wrong type (NumericEquals with a string, …)."""

from __future__ import annotations

from aslint.asl.model import model
import json

from aslint.asl.structure import OPERATORS, coerce, describe, is_timestamp, iter_choice_rules, short
from aslint.core.finding import Finding, ValueFix
from aslint.core.pointer import escape
from aslint.core.rule import Rule

WANT = {"string": "a string", "number": "a number", "boolean": "true or false",
        "timestamp": "an RFC 3339 timestamp string such as \"2026-01-31T12:00:00Z\"", "path": "a path string such as \"$.limit\""}


def _ok(kind, value) -> bool:
    if kind in ("string", "path"):
        return isinstance(value, str)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "timestamp":
        return is_timestamp(value)
    return True


class ChoiceOperatorValueType(Rule):
    code = "ASL211"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Choice":
                continue
            for rule, pointer, _top in iter_choice_rules(ref):
                if not isinstance(rule, dict):
                    continue
                for op, value in rule.items():
                    kind = OPERATORS.get(op)
                    if kind is None or _ok(kind, value):
                        continue
                    hint = f"Give {WANT[kind]}"
                    if kind == "number" and isinstance(value, str):
                        hint = "To compare strings use StringEquals, or write the number without quotes"
                    elif kind == "boolean" and isinstance(value, str) and value.lower() in ("true", "false"):
                        hint = f"Write {value.lower()} without quotes"
                    elif kind == "timestamp" and isinstance(value, str):
                        hint = "Write an RFC 3339 timestamp such as \"2026-08-18T17:33:00Z\""
                    fixed = coerce(value, kind) if kind in ("number", "boolean") else None
                    fix = None if fixed is None else ValueFix(f"{pointer}/{escape(op)}", fixed, f"write {json.dumps(fixed)} without quotes")
                    yield Finding(f"{pointer}/{escape(op)}",
                                  f"{op} in a Choice rule of state '{ref.name}' needs {WANT[kind]}, not {describe(value)} {short(value)}",
                                  fix=fix, hint=hint)
