"""ASL214: a Choice rule written for the other query language (Variable in JSONata, Condition in JSONPath)."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import COMBINATORS, OPERATORS, iter_choice_rules
from aslint.core.finding import Finding
from aslint.core.pointer import escape
from aslint.core.rule import Rule


class ChoiceRuleQueryLanguageForm(Rule):
    code = "ASL214"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Choice":
                continue
            for rule, pointer, top in iter_choice_rules(ref):
                if not isinstance(rule, dict):
                    continue
                if ref.jsonata:
                    if not top:
                        continue  # JSONata rules never nest; reported on the top-level rule
                    jsonpath_keys = [k for k in rule if k == "Variable" or k in OPERATORS or k in COMBINATORS]
                    if jsonpath_keys:
                        yield Finding(f"{pointer}/{escape(jsonpath_keys[0])}",
                                      f"'{jsonpath_keys[0]}' belongs to JSONPath Choice rules, but state '{ref.name}' uses JSONata",
                                      target="key", hint="Write the test as a Condition: {\"Condition\": \"{% … %}\", \"Next\": …}")
                    elif "Condition" not in rule:
                        yield Finding(f"{pointer}/Condition", f"a Choice rule of JSONata state '{ref.name}' has no 'Condition'", target="key",
                                      hint="Add \"Condition\": \"{% <boolean expression> %}\"")
                elif "Condition" in rule:
                    yield Finding(f"{pointer}/Condition",
                                  f"'Condition' is the JSONata form of a Choice rule, but state '{ref.name}' uses JSONPath", target="key",
                                  hint="Set \"QueryLanguage\": \"JSONata\" on the state, or write the rule with 'Variable' and an operator")
