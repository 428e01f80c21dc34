"""ASL107: see rules/ASL107.md. The checks are the value shapes in schemas/asl/fields.json."""

from __future__ import annotations

from aslint.asl.structure import problems_with_code
from aslint.core.rule import Rule


class InvalidFieldValue(Rule):
    code = "ASL107"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        yield from problems_with_code(ctx.doc, self.code)
