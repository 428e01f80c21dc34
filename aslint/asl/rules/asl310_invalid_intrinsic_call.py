"""ASL310: an intrinsic function call that does not parse, names an unknown function or nests too deeply."""

from __future__ import annotations

from aslint.core.nearest import close_matches

from aslint.asl import intrinsics, paths
from aslint.asl.intrinsic_sites import calls
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class InvalidIntrinsicCall(Rule):
    code = "ASL310"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for site, call, error in calls(ctx.doc):
            if site.value[:1].isspace():
                # statelint rejects it; LocalStack's grammar skips the blank; AWS is not documented
                yield Finding(site.pointer, f"'{site.field}' starts with whitespace before the intrinsic call, which Step Functions may reject",
                              severity="warning", hint="Remove it so the value starts with 'States.'")
            if error is not None:
                yield Finding(site.pointer, f"'{_clip(site.value, 50)}' is not a valid intrinsic call: {error.message} (at character {error.offset + 1})",
                              hint="Fix the call's syntax")
                continue
            for c in call.walk():
                if c.name not in intrinsics.FUNCTIONS:
                    close = close_matches(c.name, intrinsics.FUNCTIONS, n=1, cutoff=0.6)
                    if not c.name.startswith("States."):
                        close = close or [n for n in intrinsics.FUNCTIONS if n.lower() == "states." + c.name.lower()]
                    near = f" (did you mean {close[0]}?)" if close else ""
                    yield Finding(site.pointer, f"'{_clip(c.name, 40)}' is not an intrinsic function{near}",
                                  hint=f"Use {close[0]}" if close else "Use one of the States.* functions (see 'aslint rule ASL310')")
                for arg in c.args:
                    if isinstance(arg, intrinsics.PathArg):
                        info = paths.check_path(arg.text)
                        if not info.ok:
                            yield Finding(site.pointer, f"the argument '{_clip(arg.text, 40)}' of {c.name} is not a valid path: {info.problem}",
                                          hint="Write a path such as '$.field'")
            if site.kind == "error" and call.name in intrinsics.FUNCTIONS and call.name not in intrinsics.STRING_RESULTS:
                yield Finding(site.pointer, f"'{site.field}' of Fail state '{site.state.name}' calls {call.name}, which does not return a string",
                              hint="Use States.Format or States.JsonToString to make a string")
            if call.depth > intrinsics.MAX_NESTING:
                yield Finding(site.pointer, f"intrinsic calls nest {call.depth} deep in '{site.field}', over the {intrinsics.MAX_NESTING} Step Functions allows",
                              hint="Split the work over several fields or states")


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
