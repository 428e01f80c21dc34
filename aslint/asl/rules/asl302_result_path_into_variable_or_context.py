"""ASL302: a ResultPath that writes into a variable or the context object."""

from __future__ import annotations

from aslint.asl import paths
from aslint.asl.sites import sites
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class ResultPathIntoVariableOrContext(Rule):
    code = "ASL302"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for site in sites(ctx.doc).paths:
            if site.kind != "result" or not isinstance(site.value, str):
                continue
            info = paths.check_path(site.value)
            if not info.ok:
                continue
            if info.root == "variable":
                yield Finding(site.pointer, f"ResultPath names the variable ${info.variable}, but it only places the result into the state's input",
                              hint=f"To keep the result in a variable use \"Assign\": {{\"{info.variable}.$\": \"$\"}} (or \"$.field\")")
            elif info.root == "context":
                yield Finding(site.pointer, f"ResultPath points into the read-only context object ($$)",
                              hint="Write the result into the state's input instead, e.g. '$.result'")
