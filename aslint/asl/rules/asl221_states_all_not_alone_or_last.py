"""ASL221: States.ALL combined with other names, or in a retrier/catcher that is not the last."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import handlers
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class StatesAllNotAloneOrLast(Rule):
    code = "ASL221"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            for field, i, entry, pointer in handlers(ref):
                errors = entry.get("ErrorEquals") if isinstance(entry, dict) else None
                if not isinstance(errors, list) or "States.ALL" not in errors:
                    continue
                word = "retrier" if field == "Retry" else "catcher"
                count = len(ref.node[field])
                at = f"{pointer}/ErrorEquals/{errors.index('States.ALL')}"
                if len(errors) > 1:
                    yield Finding(at, f"States.ALL is not alone in 'ErrorEquals' of {word} #{i + 1} of state '{ref.name}'",
                              hint=f"Split the other names into a separate {word}: States.ALL must be the only one")
                if i != count - 1:
                    yield Finding(at, f"the {word} with States.ALL is #{i + 1} of {count} in '{field}' of state '{ref.name}', not the last",
                              hint=f"Move it to the end so the more specific {word}s after it can match")
