"""Kubernetes manifests the AUTH family reads: the aws-auth ConfigMap, RBAC objects, and `kind: List`.

Recognized by content (any file name, single or multi-document YAML, JSON). Extractors pull out the
documents aws-auth rules look at: each item of a List, each mapRoles/mapUsers string of aws-auth,
and the aws-auth / RBAC request bodies of eks:call states in a definition.
"""

from __future__ import annotations

from aslint.core import kinds
RBAC_KINDS = ("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding")
_BODY_KINDS = ("ConfigMap", "List") + RBAC_KINDS


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


@kinds.extractor("asl")
def call_bodies(doc) -> list:
    """Kubernetes objects sent by eks:call (aws-auth, RBAC) as documents positioned in the definition."""
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
            if body.get("kind") in _BODY_KINDS:
                out.append(subtree(doc, pointer, body, context=context))
        elif isinstance(body, str) and body.strip() and not body.lstrip().startswith("{%"):
            docs, error = string_document(doc, pointer, context=context)
            out.extend(d for d in docs if isinstance(d.data, dict) and d.data.get("kind") in _BODY_KINDS)
    return out
