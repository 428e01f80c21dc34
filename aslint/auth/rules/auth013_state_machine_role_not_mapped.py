"""AUTH013: the state machine's role calls a cluster it did not create, and no aws-auth maps it (project scope)."""

from __future__ import annotations

from aslint.auth import arn as arns
from aslint.auth.calls import cluster_label, eks_tasks
from aslint.auth.maps import MAP_KIND, entries, map_name
from aslint.core.finding import Finding
from aslint.core.rule import Rule


_ROLE_KEYS = ("RoleArn", "roleARN", "roleArn", "role_arn")


def _role_of(ctx, doc) -> str | None:
    """--role-arn, else a literal role beside the definition in its host (a template's state machine
    resource: Properties.RoleArn; an ACK StateMachine: spec.roleARN)."""
    role = getattr(ctx.settings, "role_arn", None)
    if isinstance(role, str):
        return role
    context = doc.context or {}
    for key in _ROLE_KEYS:
        if isinstance(context.get(key), str):
            return context[key]
    host, pointer = doc, ""
    while host.host is not None:
        pointer = host.host_pointer
        host = host.host
    pointer = pointer or getattr(doc, "origin_pointer", "") or ""
    if not pointer:
        return None
    from aslint.core.pointer import parent, resolve

    at = parent(pointer)
    while True:
        node = resolve(host.data, at)
        if isinstance(node, dict):
            for key in _ROLE_KEYS:
                if isinstance(node.get(key), str) and node[key].startswith("arn:"):
                    return node[key]
        if not at:
            return None
        at = parent(at)


class RoleNotMapped(Rule):
    code = "AUTH013"
    kinds = ("asl",)
    scope = "project"

    def takes_part(self, ctx, doc) -> bool:
        """The aws-auth mapRoles, and the definitions whose role is known."""
        if doc.kind == MAP_KIND:
            return map_name(doc) == "mapRoles"
        return doc.kind == "asl" and _role_of(ctx, doc) is not None

    def check(self, ctx):
        documents = ctx.project or []
        mapped = set()
        for doc in documents:
            if doc.kind == MAP_KIND and map_name(doc) == "mapRoles":
                for _, entry in entries(doc):
                    parsed = arns.parse(entry.get("rolearn"))
                    if parsed and parsed.canonical_role():
                        mapped.add(parsed.canonical_role().lower())
        for doc in documents:
            if doc.kind != "asl":
                continue
            role = _role_of(ctx, doc)
            parsed = arns.parse(role)
            canonical = parsed.canonical_role() if parsed else None
            if not canonical or canonical.lower() in mapped:
                continue
            tasks = eks_tasks(doc)
            created = {t.cluster() for t in tasks if t.action == "createCluster" and t.cluster()}
            reported = set()
            for task in tasks:
                if task.action not in ("runJob", "call"):
                    continue
                cluster = task.cluster()
                if cluster is None or cluster in created or cluster in reported:
                    continue
                reported.add(cluster)
                name = canonical.rsplit("/", 1)[-1]
                key = "ClusterName" if "ClusterName" in task.params else "ClusterName.$"
                yield doc, Finding(
                    f"{task.params_pointer}/{key}",
                    f"no aws-auth in the linted files maps the role {role} that calls {cluster_label(cluster)}, "
                    "which this workflow did not create",
                    hint=f"Map it in mapRoles as '{{rolearn: {canonical}, username: {name}}}' (or give it an access entry) "
                         f"and bind an RBAC Role to User '{name}'",
                )
