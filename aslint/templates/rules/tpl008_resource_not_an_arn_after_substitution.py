"""TPL008: a Task Resource of a template's definition that is no ARN once the template is substituted."""

from __future__ import annotations

from aslint.core import lazyre

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_TOKEN = lazyre.compile(r"\$\{([^{}!][^{}]*)\}")


class ResourceNotAnArnAfterSubstitution(Rule):
    code = "TPL008"
    kinds = ("asl",)

    def check(self, ctx):
        context = ctx.doc.context or {}
        if "template_resource" not in context:
            return  # a definition file of its own: ASL240 judges its Resources
        unresolved = set(context.get("unresolved_placeholders") or ())
        resource_name = context.get("template_resource")
        for ref in model(ctx.doc).states:
            value = ref.node.get("Resource") if ref.type == "Task" else None
            if not isinstance(value, str):
                continue
            names = [m.group(1) for m in _TOKEN.finditer(value)]
            missing = [n for n in names if n in unresolved and "::" not in n]  # AWS::Partition: left to TPL006
            if missing:
                yield Finding(f"{ref.pointer}/Resource",
                              f"Resource of state '{ref.name}' keeps '${{{missing[0]}}}', which no DefinitionSubstitutions "
                              f"entry of {resource_name} fills, so it is no ARN",
                              hint=f"Add {missing[0]} to DefinitionSubstitutions or correct the name")
            elif not names and "{%" not in value and not value.startswith(("arn:", "$")):
                yield Finding(f"{ref.pointer}/Resource",
                              f"Resource of state '{ref.name}' is '{value[:40]}', which is no ARN",
                              hint="Write the ARN, or a ${Name} that DefinitionSubstitutions fills")
