"""ASL410: an Assign key that is not a valid (or is a reserved) variable name."""

from __future__ import annotations

from aslint.asl import variables
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class InvalidVariableName(Rule):
    code = "ASL410"

    def check(self, ctx):
        for name, places in variables.assignments(ctx.doc).items():
            for ref, pointer in places:
                key = pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
                if ref.jsonata and key.endswith(".$"):
                    continue  # ASL402 reports '.$' keys in JSONata states
                problem = variables.name_problem(name)
                if problem is None:
                    continue
                if not isinstance(name, str) or not name or name in variables.RESERVED or name.startswith("$"):
                    yield Finding(pointer, f"'{str(name)[:40]}' cannot be a variable name: {problem}", target="key",
                              hint=_hint(name))
                else:
                    # AWS does not document the exact name syntax: a warning, not an error
                    yield Finding(pointer, f"'{name[:40]}' cannot be read back as ${name[:40]}: {problem}", target="key",
                              severity="warning", hint=f"Rename it, e.g. '{variables.suggest(name)}'")


def _hint(name) -> str:
    if not isinstance(name, str) or not name:
        return "Give the variable a name"
    if name.startswith("$"):
        return f"Write the key without the '$' and read it as ${name.lstrip('$')}"
    if name in variables.RESERVED:
        return "Choose another name"
    return f"Rename it, e.g. '{variables.suggest(name)}'"
