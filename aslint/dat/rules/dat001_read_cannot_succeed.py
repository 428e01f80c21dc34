"""DAT001: a state reads a path that cannot exist in its data on any path to it."""

from __future__ import annotations

from aslint.dat.report import findings
from aslint.core.rule import Rule


class ReadCannotSucceed(Rule):
    code = "DAT001"

    def check(self, ctx):
        yield from findings(ctx.doc, certain=True)
