"""ASL232: a DISTRIBUTED Map whose ProcessorConfig does not say ExecutionType."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class DistributedMapWithoutExecutionType(Rule):
    code = "ASL232"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Map":
                continue
            key = "ItemProcessor" if isinstance(ref.node.get("ItemProcessor"), dict) else "Iterator"
            if not isinstance(ref.node.get(key), dict):
                continue
            config = ref.node[key].get("ProcessorConfig")
            if isinstance(config, dict) and config.get("Mode") == "DISTRIBUTED" and "ExecutionType" not in config:
                yield Finding(f"{ref.pointer}/{key}/ProcessorConfig/ExecutionType",
                              f"Map state '{ref.name}' runs in DISTRIBUTED mode but its ProcessorConfig has no 'ExecutionType'",
                              target="key", hint="Add \"ExecutionType\": \"STANDARD\" or \"EXPRESS\" (the child workflows' type)")
