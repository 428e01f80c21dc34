"""AUTH009: an aws-auth ConfigMap in the wrong namespace, or mappings in a ConfigMap not named aws-auth."""

from __future__ import annotations

from aslint.auth.calls import configmap_target
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class AwsAuthWrongLocation(Rule):
    code = "AUTH009"
    kinds = ("aws-auth", "asl")

    def check(self, ctx):
        if ctx.doc.kind == "asl":
            yield from self._calls(ctx)
            return
        if ctx.doc.context.get("partial"):
            return  # a patch of aws-auth's data: the call's Path names the ConfigMap (checked above)
        data = ctx.data if isinstance(ctx.data, dict) else {}
        meta = data.get("metadata")
        if not isinstance(meta, dict):
            yield Finding("/metadata" if "metadata" in data else "", "the ConfigMap has no metadata", target="key",
                          hint="Add 'metadata: {name: aws-auth, namespace: kube-system}'")
            return
        name, namespace = meta.get("name"), meta.get("namespace")
        if name != "aws-auth":
            yield Finding("/metadata/name" if "name" in meta else "/metadata",
                          f"this ConfigMap holds aws-auth mappings but is named {str(name)[:40]!r}, so none of them apply",
                          target="value" if "name" in meta else "key", hint="Name it aws-auth (EKS reads only that one)")
        call = (ctx.doc.context or {}).get("eks_call")
        if "namespace" in meta and namespace != "kube-system":
            yield Finding("/metadata/namespace", f"aws-auth is in namespace {str(namespace)[:40]!r}, where EKS does not read it",
                          hint="Set 'namespace: kube-system'")
        elif "namespace" not in meta and call is None:
            yield Finding("/metadata", "aws-auth has no namespace, so 'kubectl apply' puts it where EKS never reads it (usually default)",
                          hint="Add 'namespace: kube-system'",
                          target="key", severity="warning")

    def _calls(self, ctx):
        from aslint.auth.calls import aws_auth_calls

        for task in aws_auth_calls(ctx.doc):
            target = configmap_target(task.literal("Path"))
            if target and target[0] != "kube-system":
                yield Finding(f"{task.params_pointer}/Path", f"aws-auth is written to namespace '{target[0][:40]}', where EKS does not read it",
                              hint="Use '/api/v1/namespaces/kube-system/configmaps" + ("/aws-auth'" if target[1] else "'"))
            elif target and target[1] not in (None, "aws-auth"):
                yield Finding(f"{task.params_pointer}/Path", f"this call writes aws-auth mappings to ConfigMap '{target[1][:40]}', which EKS does not read",
                              hint="Use '/api/v1/namespaces/kube-system/configmaps/aws-auth'")
