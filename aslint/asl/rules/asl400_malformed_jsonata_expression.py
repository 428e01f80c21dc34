"""ASL400: a '{% … %}' JSONata expression that is not well formed."""

from __future__ import annotations

from aslint.asl import jsonata
from aslint.asl.sites import sites
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class MalformedJsonataExpression(Rule):
    code = "ASL400"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for site in sites(ctx.doc).jsonata:
            value = site.value
            if not jsonata.looks_like_expression(value):
                continue
            surround = jsonata.surround_problem(value)
            if surround:
                # AWS accepts the definition and uses such a string as literal text: likely a mistake
                yield Finding(site.pointer, f"'{site.field}' is not exactly '{{% … %}}', so it is literal text: {surround}",
                              hint="Make the whole string '{% expression %}', nothing before or after", severity="warning")
                continue
            for problem in jsonata.problems(value):
                yield Finding(site.pointer, f"'{site.field}' holds a malformed JSONata expression: {problem}",
                              hint="A JSONata value is the whole string '{% expression %}'")
