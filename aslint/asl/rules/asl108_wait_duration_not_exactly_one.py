"""ASL108: a Wait state needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule

DURATION = ("Seconds", "Timestamp", "SecondsPath", "TimestampPath")


class WaitDurationNotExactlyOne(Rule):
    code = "ASL108"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Wait":
                continue
            present = [k for k in DURATION if k in ref.node]
            if len(present) == 1:
                continue
            if not present:
                yield Finding(ref.pointer, f"Wait state '{ref.name}' has none of {', '.join(DURATION)}", target="key",
                              hint="Add exactly one, e.g. \"Seconds\": 10")
            else:
                yield Finding(f"{ref.pointer}/{present[1]}",
                              f"Wait state '{ref.name}' has both {' and '.join(present)}, but takes exactly one duration",
                              target="key", hint="Keep one of them")
