"""DAT findings: one short sentence naming the state, the path read and where the data was last
written or dropped, the fix as a hint, and the lifecycle consequence when a cluster is alive."""

from __future__ import annotations

from aslint.dat import paths as dp
from aslint.dat.analysis import Note, analyze
from aslint.core.finding import Finding

_LIMIT = 200


def _code(text: str, limit: int = 40) -> str:
    return "`" + (text if len(text) <= limit else text[: limit - 1] + "…") + "`"


def _name(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _alive_resource(doc, state) -> str | None:
    """A cluster, node group or Fargate profile that may be alive when ``state`` runs, or None."""
    from aslint.lcy.dataflow import flow

    f = flow(doc)
    node = f.g.node_of.get(state.pointer)
    if node is None or not f.reached[node]:
        return None
    mask = f.alive[node]
    for bit in f.bits(mask):
        res = f.creates[bit]
        if res.kind in ("cluster", "nodegroup", "fargateprofile"):
            return res.label()
    return None


def _reason(fail) -> tuple[str, str, str]:
    """(why the read breaks, the same without where, the hint) for a Failure."""
    brk, steps, root = fail.brk, fail.steps, fail.root
    prefix = _code(dp.show(steps, root, brk.at))
    missing = _code(dp.show(steps, root, brk.at + 1))
    kind, value = steps[brk.at]
    note = str(brk.note) if brk.note else ""
    where = f": {note}" if note else ""
    if brk.why == "absent":
        if note.startswith(("is ", "was ")):
            if "RetrieveLogs" in note:
                hint = "Set LogOptions.RetrieveLogs to true (with .sync), or do not read the logs"
            elif "Catch path" in note or "IsPresent" in note:
                hint = "Guard the read with a Choice IsPresent test, or route the Catch to a state that does not read it"
            else:
                hint = "Write it before this state, or read another path"
            return f"{missing} {note}", f"{missing} is missing", hint
        return (f"{prefix} has no '{value}'{where}", f"{prefix} has no '{value}'",
                "Read the name the writing state gives the data, or write it under the name read here")
    if brk.why == "array":
        return (f"{prefix} is an array{where}", f"{prefix} is an array",
                "Index the array (e.g. [0]), or name the elements with a ResultSelector")
    if brk.why == "index":
        return f"{prefix} is an object{where}", f"{prefix} is an object", "Read a member by name instead of an index"
    what = "null" if brk.shape_kind == "null" else "a " + brk.shape_kind
    return f"{prefix} is {what}{where}", f"{prefix} is {what}", "Read the value itself, not a member of it"


def _consequence(doc, fail) -> str:
    if fail.jsonata:
        return ""
    if _alive_resource(doc, fail.state) is None:
        return ""
    if fail.brk.certain:
        return "; the cleanup will not run (States.Runtime skips Catch)"
    return "; there the cleanup will not run (States.Runtime skips Catch)"


def findings(doc, certain: bool):
    outcome = analyze(doc)
    for pointer, fail in sorted(outcome.failures.items()):
        if fail.brk.certain != certain:
            continue
        read = _code(dp.show(fail.steps, fail.root))
        why, short, hint = _reason(fail)
        state = _name(fail.state.name)
        lead = f"State '{state}' reads {read}, " + ("but " if certain else "which can be missing: ")
        tail = _consequence(doc, fail)
        message = lead + why + tail
        if len(message) > _LIMIT:
            message = lead + short + tail
        if len(message) > 200:
            message = message[:199] + "…"
        at = fail.brk.note.pointer() if isinstance(fail.brk.note, Note) else None
        related = [(at, "the data was last written or dropped here")] if at and at != fail.state.pointer else []
        yield Finding(pointer, message, hint=hint, related=related)
