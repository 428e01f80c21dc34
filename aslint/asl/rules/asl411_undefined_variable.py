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
                yield Finding(read.pointer, f"variable ${read.name} is read here but no state assigns it",
                              hint="Add it to an earlier state's Assign, or fix the name")
                continue
            avail = before.get(read.state.pointer)
            if avail is not None and read.name not in avail:
                names = sorted({ref.name for ref, _ in assigned[read.name]})
                where = ", ".join(f"'{n}'" for n in names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
                yield Finding(read.pointer, f"variable ${read.name} is read before any state on the way assigns it (it is assigned in {where})",
                              hint="Assign it earlier, or read it only after the state that assigns it")
