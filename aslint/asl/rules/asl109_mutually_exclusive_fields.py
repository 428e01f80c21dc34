"""ASL109: two fields that exclude each other on one state (TimeoutSeconds and TimeoutSecondsPath, …)."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule

PAIRS = {
    "Task": [("TimeoutSeconds", "TimeoutSecondsPath"), ("HeartbeatSeconds", "HeartbeatSecondsPath")],
    "Fail": [("Error", "ErrorPath"), ("Cause", "CausePath")],
    "Map": [("ItemProcessor", "Iterator"), ("ItemSelector", "Parameters"), ("MaxConcurrency", "MaxConcurrencyPath"),
            ("ToleratedFailurePercentage", "ToleratedFailurePercentagePath"),
            ("ToleratedFailureCount", "ToleratedFailureCountPath")],
}


# Map sub-objects: (path below the state, label, pairs)
SUB_PAIRS = [
    (("ItemBatcher",), "ItemBatcher", [("MaxItemsPerBatch", "MaxItemsPerBatchPath"), ("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath")]),
    (("ItemReader", "ReaderConfig"), "ItemReader.ReaderConfig", [("MaxItems", "MaxItemsPath")]),
]


class MutuallyExclusiveFields(Rule):
    code = "ASL109"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            for first, second in PAIRS.get(ref.type, ()):
                if first in ref.node and second in ref.node:
                    yield Finding(f"{ref.pointer}/{second}",
                                  f"state '{ref.name}' sets both '{first}' and '{second}', which exclude each other",
                                  target="key", hint="Keep only one")
            if ref.type != "Map":
                continue
            for path, label, pairs in SUB_PAIRS:
                node, pointer = ref.node, ref.pointer
                for key in path:
                    node = node.get(key) if isinstance(node, dict) else None
                    pointer += "/" + key
                if not isinstance(node, dict):
                    continue
                for first, second in pairs:
                    if first in node and second in node:
                        yield Finding(f"{pointer}/{second}",
                                      f"{label} of Map state '{ref.name}' sets both '{first}' and '{second}', which exclude each other",
                                      target="key", hint="Keep only one")
