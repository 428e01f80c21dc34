"""EKS012: an eks:call Path that is not a Kubernetes REST path under /api/ or /apis/."""

from __future__ import annotations

from aslint.core import lazyre

from aslint.eks.tasks import eks_tasks
from aslint.eks.values import literal_string
from aslint.core.finding import Finding
from aslint.core.rule import Rule

OK = lazyre.compile(r"^/apis?(/|$)")


class CallPathNotKubernetesApi(Rule):
    code = "EKS012"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api != "call":
                continue
            path, pointer = literal_string(task, "Path")
            if path is None:
                continue
            if "?" in path:
                yield Finding(pointer, f"Path '{path[:60]}' carries a query string, which eks:call does not take there",
                              hint="Move the parameters to QueryParameters (a map of name to list of strings)")
                continue
            if OK.match(path):
                continue
            if "://" in path:
                why, hint = "a full URL", "Put the server in Endpoint and start Path at /api/ or /apis/"
            elif not path.startswith("/"):
                why, hint = "relative", "Start it with /api/ (core group) or /apis/GROUP/VERSION/ (named groups)"
            else:
                why, hint = "outside /api/ and /apis/", "Write e.g. /api/v1/namespaces/default/pods or /apis/batch/v1/namespaces/default/jobs/NAME"
            yield Finding(pointer, f"Path '{path[:60]}' is not a Kubernetes REST path: it is {why}", hint=hint)
