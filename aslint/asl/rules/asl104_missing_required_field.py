"""ASL104: a field the state type (or sub-object) requires is missing."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import COMBINATORS, iter_choice_rules, problems_with_code
from aslint.core.finding import Finding
from aslint.core.rule import Rule

REQUIRED = {
    "Task": ("Resource", "the ARN of the work to run (a Lambda function, an activity or arn:aws:states:::service:api)"),
    "Choice": ("Choices", "a non-empty array of rules, each with a 'Next'"),
    "Parallel": ("Branches", "a non-empty array of branches, each with 'StartAt' and 'States'"),
}


class MissingRequiredField(Rule):
    code = "ASL104"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if not ref.is_object:
                continue
            node, p = ref.node, ref.pointer
            need = REQUIRED.get(ref.type)
            if need and need[0] not in node:
                yield Finding(f"{p}/{need[0]}", f"{ref.type} state '{ref.name}' has no '{need[0]}'", target="key", hint=f"Add {need[1]}")
            if ref.type == "Map" and "ItemProcessor" not in node and "Iterator" not in node:
                yield Finding(f"{p}/ItemProcessor", f"Map state '{ref.name}' has no 'ItemProcessor'", target="key",
                              hint="Add one with 'StartAt' and 'States' describing what runs for each item")
            creds = node.get("Credentials")
            if ref.type == "Task" and isinstance(creds, dict) and "RoleArn" not in creds and "RoleArn.$" not in creds:
                yield Finding(f"{p}/Credentials/RoleArn", f"'Credentials' of state '{ref.name}' has no 'RoleArn'", target="key",
                              hint="Add the ARN of the role to assume for this task (or 'RoleArn.$' with a path)")
            if ref.type == "Choice" and not ref.jsonata:
                for rule, pointer, _top in iter_choice_rules(ref):
                    if (isinstance(rule, dict) and "Variable" not in rule and "Condition" not in rule
                            and not any(k in rule for k in COMBINATORS) and any(k != "Next" and k != "Comment" for k in rule)):
                        yield Finding(f"{pointer}/Variable", f"a Choice rule of state '{ref.name}' has no 'Variable', so it compares nothing",
                                      target="key", hint="Add the path of the value to test, e.g. \"Variable\": \"$.status\"")
        yield from problems_with_code(ctx.doc, self.code)
