"""ASL205: a Choice state without Default."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class ChoiceWithoutDefault(Rule):
    code = "ASL205"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type == "Choice" and "Default" not in ref.node:
                yield Finding(ref.pointer, f"Choice state '{ref.name}' has no 'Default': when no rule matches, the execution fails "
                                           "(States.NoChoiceMatched)", target="key",
                              hint="Add a 'Default', e.g. to a Fail state with a clear Error")
