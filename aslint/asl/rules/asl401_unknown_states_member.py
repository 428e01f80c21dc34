"""ASL401: a `$states.…` reference to a member that does not exist there."""

from __future__ import annotations

from aslint.core.nearest import close_matches

from aslint.asl import jsonata
from aslint.asl.sites import sites
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class UnknownStatesMember(Rule):
    code = "ASL401"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for site in sites(ctx.doc).jsonata:
            if not jsonata.is_expression(site.value):
                continue
            for name, member, _offset in jsonata.references(site.value):
                if name != "states":
                    continue
                if not member:
                    continue
                if member not in jsonata.STATES_MEMBERS:
                    close = close_matches(member, jsonata.STATES_MEMBERS, n=1, cutoff=0.5)
                    near = f" (did you mean $states.{close[0]}?)" if close else ""
                    yield Finding(site.pointer, f"$states has no member '{member[:40]}'{near}",
                                  hint="Use $states.input, $states.result, $states.errorOutput or $states.context")
                elif member == "errorOutput" and not site.in_catch:
                    yield Finding(site.pointer, f"$states.errorOutput is not set in '{site.field}' of state '{site.state.name}', only inside a Catch",
                                  hint="Move this into the catcher's Output or Assign")
