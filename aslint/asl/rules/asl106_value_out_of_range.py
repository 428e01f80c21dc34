"""ASL106: a value outside its allowed range (ranges in schemas/asl/fields.json, plus two documented limits)."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import handlers, problems_with_code
from aslint.core.finding import Finding
from aslint.core.rule import Rule

ONE_YEAR = 365 * 24 * 3600


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class ValueOutOfRange(Rule):
    code = "ASL106"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        yield from problems_with_code(ctx.doc, self.code)
        for ref in model(ctx.doc).states:
            if ref.type == "Wait" and (_int(ref.node.get("Seconds")) or 0) > ONE_YEAR:
                yield Finding(f"{ref.pointer}/Seconds",
                              f"Wait state '{ref.name}' waits {ref.node['Seconds']:,} seconds, longer than an execution may last (1 year)",
                              severity="warning", hint="Wait less, or restructure with a schedule")
            for field, i, entry, pointer in handlers(ref):
                if field == "Retry" and isinstance(entry, dict) and _int(entry.get("IntervalSeconds")) == 0:
                    yield Finding(f"{pointer}/IntervalSeconds",
                                  f"IntervalSeconds of retrier #{i + 1} of state '{ref.name}' is 0, but AWS documents a positive integer",
                                  severity="warning", hint="Use 1 or more (the AWS language-service schema accepts 0)")
