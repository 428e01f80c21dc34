"""ASL012: a state name longer than 80 characters."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule

LIMIT = 80


class StateNameTooLong(Rule):
    code = "ASL012"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if len(ref.name) > LIMIT:
                yield Finding(ref.pointer, f"state name '{ref.name[:30]}…' is {len(ref.name)} characters, over the "
                                           f"{LIMIT} the States Language specification allows", target="key",
                              hint="Shorten the name (AWS's own documentation does not state the limit, so it may be accepted)")
