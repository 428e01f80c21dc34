"""ASL212: a top-level Choice rule without Next, or a nested (And/Or/Not) rule with one."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import iter_choice_rules
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class ChoiceRuleNextPlacement(Rule):
    code = "ASL212"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Choice":
                continue
            for rule, pointer, top in iter_choice_rules(ref):
                if not isinstance(rule, dict):
                    continue
                if top and "Next" not in rule:
                    yield Finding(f"{pointer}/Next", f"a Choice rule of state '{ref.name}' has no 'Next'", target="key",
                              hint="Name the state to go to when the rule matches: every rule directly in 'Choices' needs one")
                elif not top and "Next" in rule:
                    yield Finding(f"{pointer}/Next", f"a rule nested in And/Or/Not of state '{ref.name}' has a 'Next', which only top-level rules may have",
                              target="key", hint="Move it to the enclosing top-level rule")
