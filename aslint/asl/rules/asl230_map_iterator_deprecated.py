"""ASL230: a Map state using the legacy Iterator instead of ItemProcessor."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class MapIteratorDeprecated(Rule):
    code = "ASL230"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type == "Map" and "Iterator" in ref.node and "ItemProcessor" not in ref.node:
                yield Finding(f"{ref.pointer}/Iterator", f"Map state '{ref.name}' uses 'Iterator', the legacy name", target="key",
                              hint="Rename it to 'ItemProcessor' (same content), which also takes a ProcessorConfig")
