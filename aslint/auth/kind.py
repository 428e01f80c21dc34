"""Kubernetes manifests the AUTH family reads: the aws-auth ConfigMap, RBAC objects, and `kind: List`.

Recognized by content (any file name, single or multi-document YAML, JSON). Extractors pull out the
documents aws-auth rules look at: each item of a List, each mapRoles/mapUsers string of aws-auth,
and the aws-auth / RBAC request bodies of eks:call states in a definition.
"""

from __future__ import annotations

from aslint.core import kinds
from aslint.core.facts import declare
RBAC_KINDS = ("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding")


def _is_aws_auth(data) -> bool:
    from aslint.auth.calls import is_aws_auth_body

    return isinstance(data, dict) and isinstance(data.get("apiVersion", "v1"), str) and is_aws_auth_body(data)


@kinds.recognizer("aws-auth", order=30)
def is_aws_auth(data) -> bool:
    return _is_aws_auth(data)


@kinds.recognizer("k8s-rbac", order=30)
def is_rbac(data) -> bool:
    if not isinstance(data, dict) or data.get("kind") not in RBAC_KINDS:
        return False
    api = data.get("apiVersion")
    return isinstance(api, str) and api.startswith("rbac.authorization.k8s.io/")


@kinds.recognizer("k8s-list", order=30)
def is_list(data) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return False
    if not (isinstance(data.get("kind"), str) and data["kind"].endswith("List")):
        return False
    return any(is_rbac(item) or _is_aws_auth(item) for item in data["items"])


def _wanted(item) -> bool:
    return is_rbac(item) or _is_aws_auth(item)


@kinds.extractor("k8s-list")
def list_items(doc) -> list:
    from aslint.auth.manifests import embedded_items

    return embedded_items(doc, _wanted)


@kinds.extractor("cfn-template")
def cdk_manifests(doc) -> list:
    """aws-auth and RBAC objects in CDK's Kubernetes manifest resources."""
    from aslint.auth.manifests import template_manifests

    return template_manifests(doc, _wanted)


@kinds.extractor("aws-auth")
def map_documents(doc) -> list:
    from aslint.auth.maps import maps

    return [sub for docs, _ in maps(doc).values() for sub in docs]


def body_kind(data, task=None) -> str:
    """What an eks:call RequestBody is: ``aws-auth``, ``k8s-rbac``, ``k8s-list`` (of those),
    ``kubernetes`` (another Kubernetes object), or ``unknown``. A body without ``kind`` sent to
    ``…/configmaps/aws-auth`` that holds only ``data.mapRoles``/``mapUsers`` (the usual PATCH) is
    aws-auth too."""
    if not isinstance(data, dict):
        return "unknown"
    if _is_aws_auth(data):
        return "aws-auth"
    if is_rbac(data):
        return "k8s-rbac"
    if is_list(data):
        return "k8s-list"
    if "kind" in data:
        return "kubernetes"
    if task is not None and _aws_auth_path(task) and isinstance(data.get("data"), dict) \
            and any(k in data["data"] for k in ("mapRoles", "mapUsers")):
        return "aws-auth"
    return "unknown"


def _aws_auth_path(task) -> bool:
    from aslint.auth.calls import configmap_target

    target = configmap_target(task.literal("Path"))
    return bool(target and target[1] == "aws-auth")


#: the body kinds aslint has rules for; only these are linted as documents of their own
LINTED_BODIES = ("aws-auth", "k8s-rbac", "k8s-list")


@kinds.extractor("asl")
def call_bodies(doc) -> list:
    """The Kubernetes objects sent by eks:call that aslint has rules for (aws-auth, RBAC, a List of
    them), as documents embedded in the definition at the RequestBody; nothing else is linted."""
    from aslint.asl.dynamic import is_expression
    from aslint.auth.calls import body_of, eks_tasks
    from aslint.auth.manifests import subtree
    from aslint.core.embedded import string_document

    out = []
    for task in eks_tasks(doc):
        if task.action != "call":
            continue
        pointer, body = body_of(task)
        context = {"eks_call": task}
        if isinstance(body, dict):
            candidates = [subtree(doc, pointer, body, context=context)]
        elif isinstance(body, str) and body.strip() and not is_expression(body):
            candidates, error = string_document(doc, pointer, context=context)
        else:
            continue
        for sub in candidates:
            kind = body_kind(sub.data, task)
            if kind in LINTED_BODIES:
                sub.kind = kind
                if kind == "aws-auth" and "kind" not in sub.data:
                    sub.context["partial"] = True  # a merge patch: no metadata to check
                out.append(sub)
    return out


# What the AUTH extractors record about the documents they pull out.
declare("eks_call", object, "on an eks:call body: the call (auth.calls.Task) that sends it")
declare("partial", bool, "on an aws-auth body: a merge patch holding only data (no metadata)")
declare("map", str, "on a mapRoles/mapUsers document: which map it is")
