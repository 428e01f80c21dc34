"""ASL220: ErrorEquals that is empty or holds something other than non-empty strings."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import describe, handler_label, handlers
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class InvalidErrorEquals(Rule):
    code = "ASL220"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            for field, i, entry, pointer in handlers(ref):
                if not isinstance(entry, dict):
                    continue
                errors = entry.get("ErrorEquals")
                label = handler_label(field, i, ref.name)
                if isinstance(errors, list) and not errors:
                    yield Finding(f"{pointer}/ErrorEquals", f"'ErrorEquals' of {label} is empty, so it matches nothing",
                                  hint="List the error names to match, e.g. [\"States.TaskFailed\"]")
                elif isinstance(errors, list):
                    for j, name in enumerate(errors):
                        if not isinstance(name, str):
                            yield Finding(f"{pointer}/ErrorEquals/{j}", f"error name #{j + 1} in 'ErrorEquals' of {label} is {describe(name)}, not a string",
                                          hint="Write the error's name, e.g. \"States.Timeout\"")
                        elif not name.strip():
                            yield Finding(f"{pointer}/ErrorEquals/{j}", f"'ErrorEquals' of {label} holds an empty error name",
                                          hint="Remove it or write the error's name")
