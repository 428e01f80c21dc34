"""ASL404: a state that switches back to JSONPath inside a JSONata state machine."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class JsonpathStateInJsonataMachine(Rule):
    code = "ASL404"

    def check(self, ctx):
        data = ctx.data
        if not isinstance(data, dict) or data.get("QueryLanguage") != "JSONata":
            return
        for ref in model(ctx.doc).states:
            if _in_distributed_map(ref):
                continue  # a Distributed Map child workflow: whether it may switch is not documented
            if isinstance(ref.node, dict) and ref.node.get("QueryLanguage") == "JSONPath":
                yield Finding(f"{ref.pointer}/QueryLanguage", f"state '{ref.name}' sets QueryLanguage JSONPath in a JSONata state machine, which cannot hold JSONPath states",
                              hint="Rewrite the state in JSONata, or make the top level JSONPath and set JSONata per state")


def _in_distributed_map(ref) -> bool:
    machine = ref.machine
    while machine is not None and machine.parent_state is not None:
        config = machine.node.get("ProcessorConfig")
        if isinstance(config, dict) and config.get("Mode") == "DISTRIBUTED":
            return True
        machine = machine.parent_state.machine
    return False
