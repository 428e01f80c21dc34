"""EKS015: an eks:call RequestBody that does not fit its Method."""

from __future__ import annotations

from aslint.eks.tasks import eks_tasks
from aslint.eks.values import literal_string, lookup
from aslint.core.finding import Finding
from aslint.core.rule import Rule

NEEDS_BODY = ("POST", "PUT", "PATCH")
NO_BODY = ("GET", "HEAD")


class RequestBodyMethodMismatch(Rule):
    code = "EKS015"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api != "call":
                continue
            method, _ = literal_string(task, "Method")
            if method is None:
                continue
            has_body = task.has("RequestBody")
            if method in NEEDS_BODY and not has_body:
                what = {"POST": "the object to create", "PUT": "the full object to replace", "PATCH": "the patch"}[method]
                yield Finding(task.pointer("Method"), f"{method} without a RequestBody: the Kubernetes API needs {what}",
                              hint="Add RequestBody, or use GET/DELETE if nothing is sent")
            elif method in NO_BODY and has_body:
                yield Finding(task.pointer("RequestBody"), f"{method} with a RequestBody, which the Kubernetes API does not read", target="key",
                              hint="Remove RequestBody, or use POST/PUT/PATCH to send an object")
            elif method == "DELETE" and has_body:
                state, body, _ = lookup(task, "RequestBody")
                if state == "literal" and isinstance(body, dict) and body.get("kind") not in (None, "DeleteOptions"):
                    yield Finding(task.pointer("RequestBody"), f"DELETE with a {str(body.get('kind'))[:40]} as RequestBody, which takes only DeleteOptions",
                                  target="key", hint="Remove the body (the Path names what is deleted), or use POST/PUT")
