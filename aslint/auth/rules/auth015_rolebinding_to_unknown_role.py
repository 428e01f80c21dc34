"""AUTH015: a RoleBinding whose roleRef names a Role that none of the linted files define (project scope)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.core.rule import Rule


def _meta(data) -> tuple:
    meta = data.get("metadata") if isinstance(data, dict) else None
    if not isinstance(meta, dict):
        return None, None
    return meta.get("name"), meta.get("namespace")


class RoleBindingUnknownRole(Rule):
    code = "AUTH015"
    kinds = ("k8s-rbac",)
    scope = "project"

    def takes_part(self, ctx, doc) -> bool:
        return doc.kind == "k8s-rbac"

    def check(self, ctx):
        documents = [d for d in (ctx.project or []) if d.kind == "k8s-rbac" and isinstance(d.data, dict)]
        roles = {}
        for doc in documents:
            if doc.data.get("kind") == "Role":
                name, namespace = _meta(doc.data)
                roles.setdefault(name, set()).add(namespace)
        for doc in documents:
            data = doc.data
            if data.get("kind") != "RoleBinding":
                continue
            ref = data.get("roleRef")
            if not isinstance(ref, dict) or ref.get("kind") != "Role" or not isinstance(ref.get("name"), str):
                continue
            _, namespace = _meta(data)
            found = roles.get(ref["name"])
            if found and (namespace is None or None in found or namespace in found):
                continue
            yield doc, Finding("/roleRef/name", f"roleRef names Role '{str(ref['name'])[:40]}', which no linted file defines"
                               + (f" in namespace '{str(namespace)[:40]}'" if namespace else ""),
                               hint="Apply the Role too, or check the name (a Role must be in the binding's namespace)")
