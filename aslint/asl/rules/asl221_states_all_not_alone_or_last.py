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
                    yield Finding(at, f"States.ALL must be the only name in its 'ErrorEquals' ({word} #{i + 1} of state '{ref.name}' "
                                      f"also lists {', '.join(repr(e) for e in errors if e != 'States.ALL')}); split them into separate {word}s")
                if i != count - 1:
                    yield Finding(at, f"the {word} with States.ALL must be the last in '{field}' of state '{ref.name}' (it is #{i + 1} of "
                                      f"{count}); move it to the end so the more specific {word}s after it can match")
