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
                    yield Finding(pointer, f"'{name}' cannot be a variable name: {problem}", target="key")
                else:
                    # AWS does not document the exact name syntax: a warning, not an error
                    yield Finding(pointer, f"'{name}' cannot be read back as ${name}: {problem}; rename it, e.g. '{variables.suggest(name)}'", target="key", severity="warning")
