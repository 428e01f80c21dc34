"""ASL312: a literal intrinsic argument that Step Functions rejects (type, algorithm, flag, range)."""

from __future__ import annotations

from aslint.asl import intrinsics
from aslint.asl.intrinsic_sites import calls
from aslint.core.finding import Finding
from aslint.asl.intrinsics import Literal
from aslint.core.rule import Rule

#: function -> index -> required literal kind ("number", "integer", "string")
_KINDS = {
    "States.MathAdd": {0: "number", 1: "number"},
    "States.MathRandom": {0: "integer", 1: "integer", 2: "integer"},
    "States.ArrayRange": {0: "integer", 1: "integer", 2: "integer"},
    "States.ArrayPartition": {1: "integer"},
    "States.ArrayGetItem": {1: "integer"},
    "States.Format": {0: "string"},
    "States.StringToJson": {0: "string"},
    "States.Base64Encode": {0: "string"},
    "States.Base64Decode": {0: "string"},
    "States.StringSplit": {0: "string", 1: "string"},
    "States.Hash": {1: "string"},
}


def _kind_ok(lit: Literal, kind: str) -> bool:
    if kind == "string":
        return lit.kind == "string"
    if lit.kind != "number":
        return False
    return kind == "number" or float(lit.value).is_integer()


class InvalidIntrinsicArgument(Rule):
    code = "ASL312"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for site, call, _error in calls(ctx.doc):
            if call is None:
                continue
            for c in call.walk():
                yield from self._call(site, c)

    def _call(self, site, c):
        args = c.args
        ptr = site.pointer
        for index, kind in _KINDS.get(c.name, {}).items():
            if index < len(args) and isinstance(args[index], Literal) and not _kind_ok(args[index], kind):
                what = {"integer": "an integer", "number": "a number"}.get(kind, "a string in single quotes")
                yield Finding(ptr, f"argument {index + 1} of {c.name} must be {what} (or a path), not {(args[index].raw or args[index].kind)[:40]}",
                              hint=f"Pass {what}")
                return
        if c.name == "States.Hash" and len(args) == 2 and isinstance(args[1], Literal) and args[1].kind == "string":
            if args[1].value not in intrinsics.HASH_ALGORITHMS:
                yield Finding(ptr, f"States.Hash algorithm '{str(args[1].value)[:30]}' is not supported",
                              hint=f"Use one of {', '.join(intrinsics.HASH_ALGORITHMS)} (names are case-sensitive)")
        if c.name == "States.JsonMerge" and len(args) == 3 and isinstance(args[2], Literal):
            if args[2].value is not False:
                yield Finding(ptr, f"States.JsonMerge's third argument (deep merge) is {args[2].raw[:20]}, but only a shallow merge exists",
                              hint="Pass false")
        if c.name == "States.ArrayPartition" and len(args) == 2 and isinstance(args[1], Literal) and args[1].kind == "number":
            if args[1].value <= 0:
                yield Finding(ptr, f"States.ArrayPartition's chunk size must be a positive integer, not {args[1].raw[:20]}",
                              hint="Pass a chunk size of 1 or more")
        if c.name == "States.ArrayRange" and len(args) == 3 and all(isinstance(a, Literal) and a.kind == "number" for a in args):
            start, end, step = (a.value for a in args)
            if step == 0:
                yield Finding(ptr, "States.ArrayRange's step is 0", hint="Use a positive or negative integer step")
                return
            count = max(0, int((end - start) // step) + 1)
            if count > intrinsics.MAX_ARRAY_RANGE:
                yield Finding(ptr, f"States.ArrayRange yields {count} items, over the {intrinsics.MAX_ARRAY_RANGE} Step Functions allows",
                              hint="Raise the step or split the range")
