"""AUTH014: an RBAC object using rbac.authorization.k8s.io/v1beta1 (or v1alpha1), no longer served."""

from __future__ import annotations

from aslint.core.finding import Finding, ValueFix
from aslint.core.rule import Rule

V1 = "rbac.authorization.k8s.io/v1"


class RbacV1beta1(Rule):
    code = "AUTH014"
    kinds = ("k8s-rbac",)

    def check(self, ctx):
        api = ctx.data.get("apiVersion") if isinstance(ctx.data, dict) else None
        if isinstance(api, str) and api in ("rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"):
            yield Finding("/apiVersion", f"{str(ctx.data.get('kind'))[:40]} uses {api}, which Kubernetes no longer serves since 1.22",
                          hint=f"Use {V1} (same fields)", fix=ValueFix("/apiVersion", V1, f"use {V1}"))
