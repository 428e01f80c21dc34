"""Pairing a definition with its role's policies (the engine calls ``attach`` for each "asl" document).

Where the policies come from, first match wins:

1. a template: the Templates extractor has set ``doc.context["role_policies"]`` (the role the state
   machine's RoleArn names in the same template);
2. the command line (``--role-policy FILE``, repeatable: every definition of the run) and the
   configuration's ``role-policies`` mapping (glob of definition paths -> policy files), joined;
3. a file beside the definition named ``<stem>.policy.json`` (or ``.yaml``/``.yml``), or several
   named ``<stem>.<anything>.policy.json``, where ``<stem>`` is the definition's file name without
   ``.asl.json``/``.asl.yaml``/``.json``/``.yaml``: ``deploy.asl.json`` pairs with ``deploy.policy.json``.

The result is ``doc.context["role_policies"]`` (policy Documents) and ``doc.context["role_policy_source"]``;
unreadable files go to ``doc.context["role_policy_notes"]``. Cheap when there is nothing to pair:
no catalog is loaded here.
"""

from __future__ import annotations

import os

_SUFFIXES = (".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml")
_cache: dict = {}
_listed: dict = {}


def sidecars(path: str) -> list:
    folder, name = os.path.split(path)
    stem = None
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            break
    if not stem or stem.endswith(".policy"):
        return []
    found = []
    candidates = _policy_files(folder)
    for ext in ("json", "yaml", "yml"):
        exact = f"{stem}.policy.{ext}"
        if exact in candidates:
            found.append(os.path.join(folder, exact))
        found.extend(os.path.join(folder, n) for n in candidates
                     if n != exact and n.startswith(stem + ".") and n.endswith(f".policy.{ext}"))
    return found


def _policy_files(folder: str) -> tuple:
    """The ``*.policy.*`` files of a folder (on disk or in the run's workspace), listed once per
    workspace and folder (not once per definition)."""
    from aslint.core.workspace import current

    workspace = current()
    key = (id(workspace), os.path.abspath(folder or "."))  # by place: the cwd may change between runs
    hit = _listed.get(key)
    if hit is None or hit[0] is not workspace:
        hit = _listed[key] = (workspace, tuple(n for n in workspace.names(folder) if ".policy." in n))
        if len(_listed) > 256:
            _listed.clear()
            _listed[key] = hit
    return hit[1]


def _load(path: str):
    """(policy Documents, note or None) of one file, parsed once per process."""
    from aslint.core.workspace import current

    key = os.path.abspath(path)
    try:
        stamp = current().stamp(key)
    except OSError as err:
        return [], f"role policy {path} cannot be read ({err.strerror or err})"
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1], hit[2]
    from aslint.iam.policy import is_policy
    from aslint.core.loader import load

    loaded = load(path)
    docs, note = [], None
    if loaded.problem is not None:
        note = f"role policy {path} cannot be read: {loaded.problem.message}"
    else:
        for d in loaded.documents:
            if is_policy(d.data):
                d.kind = "iam-policy"
                docs.append(d)
        if not docs:
            note = f"role policy {path} is not an IAM policy (no Version/Statement)"
    _cache[key] = (stamp, docs, note)
    return docs, note


def _relative(path: str, settings) -> str:
    base = getattr(settings, "config_dir", None) or os.getcwd()
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:
        rel = path
    return rel.replace("\\", "/")


def attach(doc, settings) -> None:
    context = doc.context
    if "role_policies" in context:
        context.setdefault("role_policy_source", "template")
        return
    files = list(getattr(settings, "cli_role_policies", ()) or ())
    mapping = getattr(settings, "role_policies", None) or {}
    path = getattr(doc, "path", None) or ""
    if mapping and path and path != "-":
        from aslint.core.settings import _glob_match

        rel = _relative(path, settings)
        for pattern, targets in mapping.items():
            if _glob_match(rel, pattern) or _glob_match(path.replace("\\", "/"), pattern):
                files.extend(targets)
    source = "command line or configuration"
    if not files and doc.host is None and getattr(doc, "doc_index", 0) == 0 and path and path != "-" \
            and doc.origin_pointer is None:
        files = sidecars(path)
        source = "beside the definition"
    if not files:
        return
    docs, notes = [], list(context.get("role_policy_notes") or [])
    for f in dict.fromkeys(files):
        loaded, note = _load(f)
        docs.extend(loaded)
        if note:
            notes.append(note)
    context["role_policies"] = docs
    context["role_policy_notes"] = notes
    context["role_policy_source"] = source
    context["role_policy_files"] = list(dict.fromkeys(files))


def attach_all(documents, settings) -> list:
    """Pair every "asl" document of a file, and note which definitions share a policy (one role
    for several state machines): ``doc.context["iam_sharers"]`` lists them in document order.

    Returns the policy documents read from other files (``--role-policy``, ``role-policies``, a
    sidecar): the engine lints them as well. Each gets ``context["passed_to"]``: role ARN (or
    pattern) -> the service the definitions pass it to, for IAM021's hint."""
    definitions = [d for d in documents if d.kind == "asl"]
    if not definitions:
        return []
    by_policy: dict = {}
    for doc in definitions:
        attach(doc, settings)
        for policy in doc.context.get("role_policies") or ():
            by_policy.setdefault(id(policy), []).append(doc)
    # definitions with the same policies share one list (built once): linear in the definitions
    # however many of them one role serves
    position = {id(doc): i for i, doc in enumerate(definitions)}
    lists: dict = {}
    for doc in definitions:
        key = tuple(id(p) for p in doc.context.get("role_policies") or ())
        sharers = lists.get(key)
        if sharers is None:
            found = {id(doc): doc}
            for pid in key:
                for other in by_policy.get(pid, ()):
                    found.setdefault(id(other), other)
            sharers = lists[key] = sorted(found.values(), key=lambda d: position[id(d)])
        doc.context["iam_sharers"] = sharers if key else [doc]
    companions = []
    in_file = {id(d) for d in documents}
    seen: set = set()
    for doc in definitions:
        if doc.context.get("role_policy_source") == "template":
            continue  # the template's own policies are documents of the same file
        policies = [p for p in doc.context.get("role_policies") or () if id(p) not in in_file]
        if not policies:
            continue
        from aslint.iam.needs import compute

        passed = {}
        for role, service, _need in compute(doc, settings, policies).passed_roles:
            passed.setdefault(role, service)
        for policy in policies:
            policy.context["passed_to"] = passed
            if id(policy) not in seen:
                seen.add(id(policy))
                companions.append(policy)
    return companions


def role_policies(doc):
    """The policy Documents paired with an ASL document, or None when it has none."""
    docs = doc.context.get("role_policies")
    return docs if isinstance(docs, list) else None
