"""ASL303: a payload-template key ending in `.$` whose value is not a string."""

from __future__ import annotations

import json

from aslint.asl.sites import sites
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class DynamicKeyNotString(Rule):
    code = "ASL303"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for site in sites(ctx.doc).templates:
            if isinstance(site.value, str):
                continue
            shown = json.dumps(site.value)[:40] if not isinstance(site.value, (dict, list)) else type(site.value).__name__.replace("dict", "an object").replace("list", "an array")
            yield Finding(site.pointer, f"'{site.field}' ends in '.$', so its value must be a path or intrinsic call string, not {shown}",
                          hint=f"To pass the value as it is, drop '.$' from the key ('{site.field[:-2]}')")
