"""PAY001: a literal Parameters/Arguments/Result/Output over (or close to) the 256 KiB payload quota."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.eks.payload import QUOTA, json_size
from aslint.core.finding import Finding
from aslint.core.rule import Rule

FIELDS = ("Parameters", "Arguments", "Result", "Output")


class LiteralPayloadTooLarge(Rule):
    code = "PAY001"

    def check(self, ctx):
        share = ctx.options["warn-share"]
        for ref in model(ctx.doc).states:
            if not ref.is_object:
                continue
            for field in FIELDS:
                if field not in ref.node:
                    continue
                value = ref.node[field]
                if isinstance(value, (int, float, bool)) or value is None:
                    continue
                size = json_size(value)
                pointer = f"{ref.pointer}/{field}"
                if size > QUOTA:
                    yield Finding(pointer, f"{field} of '{ref.name}' is {size:,} bytes as JSON, over the 256 KiB payload quota "
                                           "(States.DataLimitExceeded, which States.ALL does not catch)",
                                  hint="Keep large data in S3 and pass its key instead")
                elif size > share * QUOTA:
                    yield Finding(pointer, f"{field} of '{ref.name}' is {size:,} bytes as JSON, {size * 100 // QUOTA}% of "
                                           "the 256 KiB payload quota, so what the state adds may push it over",
                                  severity="warning", hint="Move the data to S3 and pass a reference")
