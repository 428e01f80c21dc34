"""AUTH017: the RBAC Role/ClusterRole bound to the state machine's identity lacks what its EKS tasks need (project scope).

The identity is the username and groups aws-auth maps the state machine's role to. What a task
needs: eks:runJob creates and reads a ``batch`` Job in its namespace, and with
``LogOptions.RetrieveLogs`` also lists ``pods`` and gets ``pods/log``; eks:call needs the verb its
Method means on the resource its Path names.
"""

from __future__ import annotations

from aslint.auth import arn as arns
from aslint.auth.maps import MAP_KIND, entries, groups_of, map_name
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_VERB = {"POST": "create", "PUT": "update", "PATCH": "patch", "DELETE": "delete"}


def task_needs(doc):
    """(task, [(group, resource, verb, namespace)]) for each runJob/call task of an ASL document."""
    from aslint.eks import k8spath
    from aslint.eks.payload import retrieves_logs
    from aslint.eks.tasks import eks_tasks
    from aslint.eks.values import literal_string

    out = []
    for task in eks_tasks(doc):
        if task.api == "runJob":
            namespace, _ = literal_string(task, "Namespace")
            if namespace is None and not task.has("Namespace"):
                namespace = "default"
            if namespace is None:
                continue
            needs = [("batch", "jobs", "create", namespace)]
            if task.sync:
                needs.append(("batch", "jobs", "get", namespace))
            if retrieves_logs(task):
                needs += [("", "pods", "list", namespace), ("", "pods/log", "get", namespace)]
            out.append((task, needs))
        elif task.api == "call":
            method, _ = literal_string(task, "Method")
            path, _ = literal_string(task, "Path")
            parsed = k8spath.parse(path) if path else None
            if not method or parsed is None:
                continue
            group = parsed.group_version.rsplit("/", 1)[0] if "/" in parsed.group_version else ""
            resource = parsed.resource + (f"/{parsed.subresource}" if parsed.subresource else "")
            verb = _VERB.get(method.upper()) or ("get" if parsed.name else "list" if method.upper() == "GET" else None)
            if verb is None:
                continue
            out.append((task, [(group, resource, verb, parsed.namespace)]))
    return out


def _grants(rules, group, resource, verb) -> tuple[bool, bool]:
    """(resource granted with any verb, resource granted with this verb) by a Role's rules."""
    any_verb = exact = False
    for rule in rules if isinstance(rules, list) else ():
        if not isinstance(rule, dict):
            continue
        groups, resources, verbs = rule.get("apiGroups") or [], rule.get("resources") or [], rule.get("verbs") or []
        if not (isinstance(groups, list) and isinstance(resources, list) and isinstance(verbs, list)):
            continue
        if not ("*" in groups or group in groups):
            continue
        if not ("*" in resources or resource in resources):
            continue
        any_verb = True
        if "*" in verbs or verb in verbs:
            exact = True
    return any_verb, exact


class RbacRoleMissingTaskPermission(Rule):
    code = "AUTH017"
    kinds = ("asl",)
    scope = "project"

    def takes_part(self, ctx, doc) -> bool:
        """The aws-auth mapRoles, the RBAC manifests, and the definitions whose role is known."""
        from aslint.auth.rules.auth013_state_machine_role_not_mapped import _role_of

        if doc.kind == MAP_KIND:
            return map_name(doc) == "mapRoles"
        return doc.kind == "k8s-rbac" or (doc.kind == "asl" and _role_of(ctx, doc) is not None)

    def check(self, ctx):
        from aslint.auth.rules.auth013_state_machine_role_not_mapped import _role_of

        documents = ctx.project or []
        identities = {}
        for doc in documents:
            if doc.kind == MAP_KIND and map_name(doc) == "mapRoles":
                for _, entry in entries(doc):
                    parsed = arns.parse(entry.get("rolearn"))
                    if parsed and parsed.canonical_role() and isinstance(entry.get("username"), str):
                        identities[parsed.canonical_role().lower()] = (entry["username"], set(groups_of(entry)))
        if not identities:
            return
        rbac = [d.data for d in documents if d.kind == "k8s-rbac" and isinstance(d.data, dict)]
        roles = {(r.get("kind"), (r.get("metadata") or {}).get("name"), (r.get("metadata") or {}).get("namespace")): r
                 for r in rbac if r.get("kind") in ("Role", "ClusterRole") and isinstance(r.get("metadata"), dict)}
        bindings = [b for b in rbac if b.get("kind") in ("RoleBinding", "ClusterRoleBinding")]
        for doc in documents:
            if doc.kind != "asl":
                continue
            parsed = arns.parse(_role_of(ctx, doc))
            canonical = parsed.canonical_role().lower() if parsed and parsed.canonical_role() else None
            if canonical not in identities:
                continue
            username, groups = identities[canonical]
            granted = []  # (namespace or None for all, rules, role name)
            for b in bindings:
                subjects = b.get("subjects") if isinstance(b.get("subjects"), list) else []
                if not any(isinstance(s, dict) and ((s.get("kind") == "User" and s.get("name") == username)
                                                    or (s.get("kind") == "Group" and s.get("name") in groups)) for s in subjects):
                    continue
                ref = b.get("roleRef") if isinstance(b.get("roleRef"), dict) else {}
                ns = (b.get("metadata") or {}).get("namespace") if b.get("kind") == "RoleBinding" else None
                role = roles.get((ref.get("kind"), ref.get("name"), ns if ref.get("kind") == "Role" else None))
                if role is None:
                    continue  # AUTH015 (or a role from elsewhere): nothing to judge
                granted.append((ns, role.get("rules"), ref.get("name")))
            if not granted:
                continue  # no binding of this identity in the linted files
            for task, needs in task_needs(doc):
                for group, resource, verb, namespace in needs:
                    scopes = [(r, name) for ns, r, name in granted if ns is None or namespace is None or ns == namespace]
                    results = [_grants(r, group, resource, verb) for r, _ in scopes]
                    if any(exact for _, exact in results):
                        continue
                    partly = any(any_verb for any_verb, _ in results)
                    where = f" in namespace '{namespace}'" if namespace else ""
                    names = ", ".join(sorted({n for _, n in scopes})) or "none in that namespace"
                    full = f"{group}/{resource}" if group else resource
                    yield doc, Finding(
                        task.ref.pointer + "/Resource",
                        f"RBAC bound to '{username}' does not allow '{verb}' on {full}{where}, which eks:{task.api} of "
                        f"state '{task.ref.name}' needs",
                        hint=f"Add verbs [{verb}] on resources [{resource}] (apiGroups [\"{group}\"]) to the Role ({names})",
                        severity=None if not partly else "warning")
                    break
