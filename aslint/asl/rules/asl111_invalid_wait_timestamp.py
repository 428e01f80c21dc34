"""ASL111: a Wait Timestamp literal that is not an RFC 3339 timestamp."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import is_dynamic, is_timestamp, short
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class InvalidWaitTimestamp(Rule):
    code = "ASL111"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Wait":
                continue
            value = ref.node.get("Timestamp")
            if isinstance(value, str) and not is_dynamic(value) and not is_timestamp(value):
                yield Finding(f"{ref.pointer}/Timestamp",
                              f"Timestamp {short(value)} of Wait state '{ref.name}' is not an RFC 3339 timestamp",
                              hint="Write it like \"2026-08-18T17:33:00Z\" (uppercase T and Z, or an offset such as +02:00)")
