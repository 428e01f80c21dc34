"""ASL013: an entry of States that is not an object."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import MACHINE_FIELDS, describe
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class StateNotAnObject(Rule):
    code = "ASL013"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.is_object:
                continue
            if ref.name in MACHINE_FIELDS:
                hint = f"'{ref.name}' is a field of the state machine: move it out of 'States' to the top level"
            else:
                hint = "Write the state as an object with a 'Type'"
            yield Finding(ref.pointer, f"state '{ref.name}' is {describe(ref.node)}, not an object", target="key", hint=hint)
