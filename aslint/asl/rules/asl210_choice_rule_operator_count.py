"""ASL210: a Choice rule with no comparison operator, or with more than one."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import COMBINATORS, OPERATORS, iter_choice_rules, short
from aslint.core.finding import Finding
from aslint.core.pointer import escape
from aslint.core.rule import Rule


class ChoiceRuleOperatorCount(Rule):
    code = "ASL210"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Choice":
                continue
            for rule, pointer, _top in iter_choice_rules(ref):
                if not isinstance(rule, dict) or "Condition" in rule:
                    continue  # JSONata rules (ASL214 checks the form)
                ops = [k for k in rule if k in OPERATORS or k in COMBINATORS]
                if len(ops) > 1:
                    yield Finding(f"{pointer}/{escape(ops[1])}",
                                  f"a Choice rule of state '{ref.name}' has {len(ops)} operators ({', '.join(ops[:3])}), not one",
                                  target="key", hint="Split it into several rules combined with \"And\"/\"Or\"")
                elif not ops and "Variable" in rule:
                    yield Finding(f"{pointer}/Variable",
                                  f"the Choice rule on {short(rule['Variable'])} in state '{ref.name}' has no comparison operator",
                                  target="key", hint="Add one such as \"StringEquals\", \"NumericGreaterThan\" or \"IsPresent\"")
