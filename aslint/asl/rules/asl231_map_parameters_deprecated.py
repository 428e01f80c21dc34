"""ASL231: a Map state using the legacy Parameters instead of ItemSelector."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class MapParametersDeprecated(Rule):
    code = "ASL231"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type == "Map" and not ref.jsonata and "Parameters" in ref.node and "ItemSelector" not in ref.node:
                yield Finding(f"{ref.pointer}/Parameters", f"Map state '{ref.name}' reshapes each item with 'Parameters', the legacy name",
                              target="key", hint="Rename it to 'ItemSelector' (same content)")
