"""PAY004: a Map that keeps every iteration's large result (logs, lists) whole."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.eks.payload import large_result_kind
from aslint.eks.tasks import eks_tasks
from aslint.core.finding import Finding
from aslint.core.rule import Rule


def trimmed(ref) -> bool:
    """The state keeps only part of (or none of) its result."""
    node = ref.node
    if ref.jsonata:
        return "Output" in node
    return "ResultSelector" in node or node.get("ResultPath", "$") is None or "OutputPath" in node


class MapResultsKeptWhole(Rule):
    code = "PAY004"

    def check(self, ctx):
        tasks = [t for t in eks_tasks(ctx.doc) if large_result_kind(t) in ("logs", "list") and not trimmed(t.ref)]
        if not tasks:
            return
        for ref in model(ctx.doc).states:
            if ref.type != "Map" or trimmed(ref):
                continue
            inner = [t for t in tasks if t.ref.pointer.startswith(ref.pointer + "/")]
            if not inner:
                continue
            t = inner[0]
            what = "Job logs" if large_result_kind(t) == "logs" else "a Kubernetes list"
            field = "Output" if ref.jsonata else "ResultSelector (or OutputPath, or ResultPath null)"
            yield Finding(ref.pointer, f"Map '{ref.name}' collects every iteration's output, and '{t.ref.name}' returns {what} untrimmed, "
                                       "so the result soon passes 256 KiB",
                          hint=f"Trim inside the iteration (ResultSelector on '{t.ref.name}') or on the Map ({field})",
                          target="key", related=[(t.ref.pointer, f"returns {what}")])
