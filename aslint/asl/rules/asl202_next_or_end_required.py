"""ASL202: a non-terminal state needs exactly one of Next and "End": true."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.graph import misspelt_next
from aslint.core.finding import Finding
from aslint.core.rule import Rule

NEEDS = ("Task", "Pass", "Wait", "Parallel", "Map")


class NextOrEndRequired(Rule):
    code = "ASL202"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type not in NEEDS:
                continue
            node = ref.node
            has_next, has_end = "Next" in node, "End" in node
            if has_next and has_end:
                yield Finding(f"{ref.pointer}/End", f"state '{ref.name}' has both 'Next' and 'End'", target="key",
                              hint="Remove one: a state either moves on or ends")
            elif not has_next and not has_end:
                typo = misspelt_next(node)
                hint = f" ('{typo}' looks like a misspelt one)" if typo else ""
                yield Finding(ref.pointer, f"{ref.type} state '{ref.name}' has neither 'Next' nor 'End'{hint}", target="key",
                              hint="Add \"Next\": \"<state>\" or \"End\": true")
            elif has_end and node["End"] is not True:
                yield Finding(f"{ref.pointer}/End", f"'End' of state '{ref.name}' is {node['End']!r} and there is no 'Next'",
                              hint="Set \"End\": true, or replace it with a 'Next'")
