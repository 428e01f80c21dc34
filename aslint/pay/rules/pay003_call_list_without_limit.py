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
            note = " A selector narrows the list but does not bound it." if narrowed else ""
            yield Finding(pointer, f"GET {path} lists every {parsed.resource} object{'' if parsed.namespace is None else ' of namespace ' + repr(parsed.namespace)} "
                                   f"in one response; a large list pushes the task result over 256 KiB (States.DataLimitExceeded, "
                                   f"not caught by States.ALL).{note} Add \"limit\": [\"100\"] to QueryParameters (and follow "
                                   f"metadata.continue for more), and a ResultSelector keeping only what you need.",
                          severity="info" if narrowed else None)
