"""ASL206: a state name used in two machines (top level, Parallel branches, Map processors) of one definition."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import machine_label
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class DuplicateStateName(Rule):
    code = "ASL206"

    def check(self, ctx):
        first = {}
        for ref in model(ctx.doc).states:
            seen = first.get(ref.name)
            if seen is None:
                first[ref.name] = ref
                continue
            yield Finding(ref.pointer, f"state name '{ref.name}' is used in {machine_label(ref.machine)} and already in "
                                       f"{machine_label(seen.machine)}", target="key",
                          hint="Rename one: names are unique across the whole definition, branches and processors included",
                          related=[(seen.pointer, "first defined here")])
