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
                yield Finding(ref.pointer, f"state name '{ref.name[:30]}…' is {len(ref.name)} characters; the States Language "
                                           f"specification limits state names to {LIMIT} characters (AWS's own documentation does not "
                                           "state it, so Step Functions may or may not reject it); shorten the name", target="key")
