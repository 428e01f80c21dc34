"""ASL403: a JSONPath path written as a plain value in a JSONata state (it stays literal text)."""

from __future__ import annotations

from aslint.asl import paths
from aslint.asl.sites import sites
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_HINT = {"input": "$states.input", "context": "$states.context", "variable": "$"}


class JsonpathInJsonataState(Rule):
    code = "ASL403"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for site in sites(ctx.doc).jsonata:
            value = site.value
            # '$.x', '$$.x', '$[…]' anywhere; a bare '$name' only as a Condition (elsewhere it may
            # be meant as text, e.g. a currency)
            if not (value.startswith(("$.", "$$.", "$[")) or (site.field == "Condition" and value.startswith("$"))):
                continue
            info = paths.check_path(value)
            if not info.ok:
                continue
            rest = value[2:] if value.startswith("$$") else value[1:]
            if info.root == "variable":
                expr = value
            else:
                expr = _HINT[info.root] + rest
            yield Finding(site.pointer, f"'{value[:50]}' is a JSONPath path, but state '{site.state.name}' uses JSONata, where it is plain text",
                          hint=f"Write {{% {expr[:60]} %}} instead")
