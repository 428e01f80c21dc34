"""ASL311: an intrinsic call with the wrong number of arguments (States.Format: per '{}' slot)."""

from __future__ import annotations

from aslint.asl import intrinsics
from aslint.asl.intrinsic_sites import calls
from aslint.core.finding import Finding
from aslint.core.rule import Rule


def _expected(lo, hi) -> str:
    if hi is None:
        return f"at least {lo}"
    if lo == hi:
        return f"exactly {lo}"
    return f"{lo} to {hi}"


class IntrinsicArgumentCount(Rule):
    code = "ASL311"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for site, call, _error in calls(ctx.doc):
            if call is None:
                continue
            for c in call.walk():
                arity = intrinsics.FUNCTIONS.get(c.name)
                if arity is None:
                    continue
                lo, hi = arity
                n = len(c.args)
                if n < lo or (hi is not None and n > hi):
                    yield Finding(site.pointer, f"{c.name} takes {_expected(lo, hi)} argument{'s' if (hi or lo) != 1 else ''} but is given {n}",
                                  hint="Fix the call's arguments")
                    continue
                if c.name == "States.Format" and isinstance(c.args[0], intrinsics.Literal) and c.args[0].kind == "string":
                    slots = intrinsics.format_placeholders(c.args[0].value)
                    given = n - 1
                    if slots != given:
                        yield Finding(site.pointer, f"States.Format's template has {slots} '{{}}' placeholder{'s' if slots != 1 else ''} but {given} value{'s' if given != 1 else ''} follow{'s' if given == 1 else ''} it",
                                      hint="Give one argument per '{}' (escape a literal brace as \\\\{)")
