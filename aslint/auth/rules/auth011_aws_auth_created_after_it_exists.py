"""AUTH011: POST (create) of aws-auth after a Fargate profile or managed node group was created on the cluster."""

from __future__ import annotations

from aslint.auth.calls import aws_auth_calls, eks_tasks, reachable_after
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_WRITERS = {"createFargateProfile": "Fargate profile", "createNodegroup": "managed node group"}


class AwsAuthCreateConflict(Rule):
    code = "AUTH011"
    kinds = ("asl",)

    def check(self, ctx):
        tasks = eks_tasks(ctx.doc)
        writers = [t for t in tasks if t.action in _WRITERS and t.cluster()]
        if not writers:
            return
        for call in aws_auth_calls(ctx.doc):
            method = call.literal("Method")
            if not (isinstance(method, str) and method.upper() == "POST") or not call.cluster():
                continue
            for writer in writers:
                if writer.cluster() == call.cluster() and call.state.pointer in reachable_after(writer.state):
                    what = _WRITERS[writer.action]
                    yield Finding(
                        f"{call.params_pointer}/Method",
                        f"aws-auth is created (POST) after state '{writer.state.name}' created a {what}, which already "
                        "created it: the POST fails (409)",
                        hint=f"Create aws-auth before the {what}, or GET it and PUT the merged ConfigMap to "
                             "'/api/v1/namespaces/kube-system/configmaps/aws-auth'",
                        related=[(writer.state.pointer, f"the {what} is created here")],
                    )
                    break
