from __future__ import annotations

from aslint.core import lazyre

from aslint.core.finding import Finding
from aslint.core.pointer import join
from aslint.core.rule import Rule

_TOKEN = lazyre.compile(r"\$\{([^{}!][^{}]*)\}")


class UndefinedDefinitionSubstitution(Rule):
    """A literal ``${Name}`` in a template's definition that no DefinitionSubstitutions entry fills.

    The template extractor records the names it could not substitute (only literal text: never the
    placeholders it writes for ``Ref``/``Fn::GetAtt`` or unknown ``Fn::Sub`` values)."""

    code = "TPL006"
    kinds = ("asl",)

    def check(self, ctx):
        names = ctx.doc.context.get("unresolved_placeholders")
        if not names:
            return
        resource = ctx.doc.context.get("template_resource", "the state machine")
        stack = [("", ctx.data)]
        while stack:
            pointer, node = stack.pop()
            if isinstance(node, dict):
                stack.extend((join(pointer, k), v) for k, v in reversed(list(node.items())))
            elif isinstance(node, list):
                stack.extend((join(pointer, i), v) for i, v in reversed(list(enumerate(node))))
            elif isinstance(node, str) and "${" in node:
                for m in _TOKEN.finditer(node):
                    if m.group(1) in names:
                        yield Finding(pointer, f"'${{{m.group(1)[:40]}}}' is not a key of {resource}'s DefinitionSubstitutions, "
                                               "so it stays as literal text",
                                      hint=f"Add {m.group(1)[:40]} to DefinitionSubstitutions, or correct the name")
