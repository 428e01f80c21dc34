"""ASL100: a state without Type, or with a Type that is not one of the eight state types."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import STATE_TYPES, did_you_mean, is_dynamic, short
from aslint.core.finding import Finding, ValueFix
from aslint.core.rule import Rule


class InvalidStateType(Rule):
    code = "ASL100"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if not ref.is_object:
                continue
            if "Type" not in ref.node:
                yield Finding(f"{ref.pointer}/Type", f"state '{ref.name}' has no 'Type'", target="key",
                              hint=f"Add a 'Type': one of {', '.join(STATE_TYPES)}")
                continue
            value = ref.node["Type"]
            if value in STATE_TYPES or is_dynamic(value):
                continue
            same = [t for t in STATE_TYPES if isinstance(value, str) and t.lower() == value.strip().lower()]
            fix = ValueFix(f"{ref.pointer}/Type", same[0], f"use {same[0]}") if same else None
            yield Finding(f"{ref.pointer}/Type", f"Type {short(value)} of state '{ref.name}' is not a state type{did_you_mean(value, STATE_TYPES)}",
                          fix=fix, hint=f"Use one of {', '.join(STATE_TYPES)}")
