"""AUTH010: an eks:call on aws-auth whose Method does not fit its Path (POST to the object, PUT to the collection)."""

from __future__ import annotations

from aslint.auth.calls import aws_auth_calls, configmap_target
from aslint.core.finding import Finding
from aslint.core.rule import Rule

COLLECTION = "/api/v1/namespaces/kube-system/configmaps"


class AwsAuthCallMethodPath(Rule):
    code = "AUTH010"
    kinds = ("asl",)

    def check(self, ctx):
        for task in aws_auth_calls(ctx.doc):
            method = task.literal("Method")
            target = configmap_target(task.literal("Path"))
            if not isinstance(method, str) or target is None:
                continue
            method = method.upper()
            path_ptr = f"{task.params_pointer}/Path"
            if method == "POST" and target[1] is not None:
                yield Finding(path_ptr, f"POST to a Path that names the object ('{target[1][:40]}'), where the API server offers no create",
                              hint=f"POST to '{COLLECTION}' (the name comes from the body), or GET + PUT '…/configmaps/aws-auth'")
            elif method in ("PUT", "PATCH") and target[1] is None:
                yield Finding(path_ptr, f"{method} to the ConfigMap collection, where the API server offers no {method.lower()}",
                              hint=f"Use '{COLLECTION}/aws-auth'")
