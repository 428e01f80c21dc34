"""ASL411: a variable read that no state assigns, or that no earlier state on any path assigns."""

from __future__ import annotations

from aslint.asl import variables
from aslint.asl.flow import assigned_before
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class UndefinedVariable(Rule):
    code = "ASL411"

    def check(self, ctx):
        assigned = variables.assignments(ctx.doc)
        reads = variables.reads(ctx.doc)
        if not reads:
            return
        before = assigned_before(ctx.doc)
        seen = set()
        for read in reads:
            key = (read.name, read.pointer)
            if key in seen:
                continue
            seen.add(key)
            if read.name not in assigned:
                yield Finding(read.pointer, f"variable ${read.name} is read here but no state assigns it; add it to an earlier state's Assign (or fix the name)")
                continue
            avail = before.get(read.state.pointer)
            if avail is not None and read.name not in avail:
                where = ", ".join(sorted({ref.name for ref, _ in assigned[read.name]}))
                yield Finding(read.pointer, f"variable ${read.name} is read in state '{read.state.name}' before any state on the way there assigns it (it is assigned in {where}); assign it earlier, or read it only after that state")
