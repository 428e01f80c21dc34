"""ASL011: a definition larger than the 1 MiB definition-size quota."""

from __future__ import annotations

import json

from aslint.core.finding import Finding
from aslint.core.rule import Rule

QUOTA = 1024 * 1024


class DefinitionOverSizeQuota(Rule):
    code = "ASL011"

    def check(self, ctx):
        doc = ctx.doc
        if doc.host is None and doc.format == "json":
            size = len(doc.text.encode("utf-8"))
        else:  # YAML or embedded: what would be deployed is the JSON form
            try:
                size = len(json.dumps(ctx.data, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
            except (TypeError, ValueError):
                return
        if size > QUOTA:
            yield Finding("", f"the definition is {size:,} bytes, over the hard quota of 1 MiB ({QUOTA:,} bytes)", target="key",
                          hint="Split it into nested state machines (states:startExecution) or move large literals into the input")
