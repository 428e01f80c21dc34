"""ASL102: a States Language field used on a state type that does not take it (Retry on a Pass, End on a Choice)."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import ALL_STATE_FIELDS, FIELDS, STATE_TYPES
from aslint.core.finding import Finding
from aslint.core.pointer import escape
from aslint.core.rule import Rule

HINTS = {
    ("Choice", "Next"): "a Choice state moves on through its rules' 'Next' and its 'Default'",
    ("Choice", "End"): "a Choice state cannot end the execution: point a rule or 'Default' at a Succeed state",
    ("Succeed", "Next"): "a Succeed state always ends its machine",
    ("Succeed", "End"): "a Succeed state is terminal already",
    ("Fail", "Next"): "a Fail state always ends its machine",
    ("Fail", "End"): "a Fail state is terminal already",
    ("Pass", "Retry"): "only Task, Parallel and Map states retry",
    ("Pass", "Catch"): "only Task, Parallel and Map states catch errors",
    ("Map", "Branches"): "Map runs one 'ItemProcessor' for each item",
    ("Parallel", "ItemProcessor"): "Parallel runs its 'Branches'",
}


class FieldNotAllowedForStateType(Rule):
    code = "ASL102"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if not ref.is_object or ref.type not in STATE_TYPES:
                continue
            both, jsonpath, jsonata = FIELDS[ref.type]
            own = both | jsonpath | jsonata | {"Type", "Comment", "QueryLanguage"}
            for key in ref.node:
                if key in ALL_STATE_FIELDS and key not in own:
                    takers = [t for t in STATE_TYPES if key in FIELDS[t][0] | FIELDS[t][1] | FIELDS[t][2]]
                    why = HINTS.get((ref.type, key)) or f"'{key}' belongs to {', '.join(takers)} states"
                    yield Finding(f"{ref.pointer}/{escape(key)}", f"{ref.type} state '{ref.name}' does not take '{key}'",
                                  target="key", hint=f"Remove it, or change the state's Type ({why})")
