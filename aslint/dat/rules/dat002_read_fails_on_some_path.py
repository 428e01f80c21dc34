"""DAT002: a state reads a path that is missing on some path to it (or only present if the input has it)."""

from __future__ import annotations

from aslint.dat.report import findings
from aslint.core.rule import Rule


class ReadFailsOnSomePath(Rule):
    code = "DAT002"

    def check(self, ctx):
        yield from findings(ctx.doc, certain=False)
