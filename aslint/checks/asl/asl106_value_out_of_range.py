"""ASL106: see rules/ASL106.md. The checks are the value shapes in schemas/asl/fields.json."""

from __future__ import annotations

from aslint.asl.structure import problems_with_code
from aslint.rule import Rule


class ValueOutOfRange(Rule):
    code = "ASL106"

    def check(self, ctx):
        yield from problems_with_code(ctx.doc, self.code)
