"""ASL222: an error name with the reserved 'States.' prefix that Step Functions does not define."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import STATES_ERRORS, did_you_mean, handler_label, handlers, short
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class UnknownStatesErrorName(Rule):
    code = "ASL222"

    def check(self, ctx):
        states = model(ctx.doc).states
        raised = {ref.node.get("Error") for ref in states if ref.type == "Fail" and isinstance(ref.node.get("Error"), str)}
        for ref in states:
            for field, i, entry, pointer in handlers(ref):
                errors = entry.get("ErrorEquals") if isinstance(entry, dict) else None
                if not isinstance(errors, list):
                    continue
                for j, name in enumerate(errors):
                    if isinstance(name, str) and name.lower().startswith("states.") and name not in STATES_ERRORS and name not in raised:
                        yield Finding(f"{pointer}/ErrorEquals/{j}",
                                      f"{short(name, 40)} in {handler_label(field, i, ref.name)} is no predefined error"
                                      f"{did_you_mean(name, STATES_ERRORS, 0.75)}, so it never matches",
                                      hint="Fix the name: user errors may not use the 'States.' prefix")
