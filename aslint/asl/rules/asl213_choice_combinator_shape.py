"""ASL213: And/Or that is not a non-empty array of rules, Not that is not a single rule object."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import describe, iter_choice_rules
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class ChoiceCombinatorShape(Rule):
    code = "ASL213"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Choice":
                continue
            if isinstance(ref.node.get("Choices"), list):
                for i, rule in enumerate(ref.node["Choices"]):
                    if not isinstance(rule, dict):
                        yield Finding(f"{ref.pointer}/Choices/{i}", f"Choice rule #{i + 1} of state '{ref.name}' is {describe(rule)}, not an object",
                                      hint="Write each rule as an object with a comparison and a 'Next'")
            for rule, pointer, _top in iter_choice_rules(ref):
                if not isinstance(rule, dict):
                    continue
                for key in ("And", "Or"):
                    if key not in rule:
                        continue
                    value = rule[key]
                    if not isinstance(value, list):
                        yield Finding(f"{pointer}/{key}", f"'{key}' in a Choice rule of state '{ref.name}' is {describe(value)}, not an array",
                                      hint="Make it an array of rules")
                    elif not value:
                        yield Finding(f"{pointer}/{key}", f"'{key}' in a Choice rule of state '{ref.name}' is empty", hint="Give it at least one rule")
                    else:
                        for i, sub in enumerate(value):
                            if not isinstance(sub, dict):
                                yield Finding(f"{pointer}/{key}/{i}", f"entry #{i + 1} of '{key}' in state '{ref.name}' is {describe(sub)}, not a rule",
                                              hint="Write a rule object")
                if "Not" in rule and not isinstance(rule["Not"], dict):
                    hint = ("Wrap a single rule; for several, use Not around an And/Or" if isinstance(rule["Not"], list)
                            else "Give one rule object")
                    yield Finding(f"{pointer}/Not", f"'Not' in a Choice rule of state '{ref.name}' is {describe(rule['Not'])}, "
                                                    "not one rule", hint=hint)
