"""PAY003: eks:call GET on a collection without a limit."""

from __future__ import annotations

from aslint.eks import k8spath
from aslint.eks.payload import large_result_kind
from aslint.eks.tasks import eks_tasks
from aslint.eks.values import literal_string, lookup
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class CallListWithoutLimit(Rule):
    code = "PAY003"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api != "call" or large_result_kind(task) != "list":
                continue
            path, pointer = literal_string(task, "Path")
            parsed = k8spath.parse(path)
            _, query, _ = lookup(task, "QueryParameters")
            narrowed = isinstance(query, dict) and any(k in query or k + ".$" in query for k in ("labelSelector", "fieldSelector"))
            what = "a selected" if narrowed else "an unbounded"
            yield Finding(pointer, f"GET {_clip(path)} returns {what} list of {parsed.resource} in one result, which can pass 256 KiB",
                          hint=f"Add \"limit\": [\"{PAGE}\"] to QueryParameters and follow metadata.continue "
                               "(a ResultSelector runs after the limit is checked, so it does not help)",
                          severity="info" if narrowed else None)


#: a page that stays under the 256 KiB task-result quota for objects of up to ~10 KiB each (pods, Jobs)
PAGE = 20


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
