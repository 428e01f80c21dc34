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
                yield Finding(ref.pointer, f"Wait state '{ref.name}' needs exactly one of {', '.join(DURATION)}; it has none: "
                                           "add e.g. \"Seconds\": 10", target="key")
            else:
                yield Finding(f"{ref.pointer}/{present[1]}",
                              f"Wait state '{ref.name}' needs exactly one of {', '.join(DURATION)}; it has {' and '.join(present)}: keep one",
                              target="key")
