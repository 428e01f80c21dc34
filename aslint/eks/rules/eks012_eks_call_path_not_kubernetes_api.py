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
                yield Finding(pointer, f"Path '{path}' carries a query string; eks:call takes query parameters in "
                                       f"QueryParameters (a map of name to list of strings). Move them there.")
                continue
            if OK.match(path):
                continue
            if "://" in path:
                hint = "it is a full URL: the server goes in Endpoint, and Path starts at /api/ or /apis/"
            elif not path.startswith("/"):
                hint = "it must be absolute, starting with /api/ (core group) or /apis/GROUP/VERSION/ (named groups)"
            else:
                hint = "Kubernetes resources live under /api/v1/… (core group) or /apis/GROUP/VERSION/…"
            yield Finding(pointer, f"Path '{path}' is not a Kubernetes REST path: {hint}, "
                                   f"e.g. /api/v1/namespaces/default/pods or /apis/batch/v1/namespaces/default/jobs/NAME.")
