"""Kubernetes manifests that templates apply to a cluster: CDK's ``Custom::AWSCDK-EKS-KubernetesResource``
(and the older ``Custom::AWSCDK-EKS-KubernetesResource`` spellings) carry a ``Manifest`` that is a JSON
array of objects, often an ``Fn::Join`` with role ARNs from ``Fn::GetAtt`` — that is how CDK writes aws-auth.

The string is assembled piece by piece (unknown parts stay ``${Name}``), parsed with positions mapped
back into the template, and each aws-auth / RBAC object becomes a document of its own.
"""

from __future__ import annotations

_TYPES = ("Custom::AWSCDK-EKS-KubernetesResource", "Custom::AWSCDK-EKS-KubernetesManifest")


def template_manifests(doc, wanted) -> list:
    """Documents for the objects of every CDK Kubernetes manifest in the template ``doc`` that
    ``wanted(item)`` accepts."""
    resources = doc.data.get("Resources") if isinstance(doc.data, dict) else None
    if not isinstance(resources, dict):
        return []
    out = []
    for name, res in resources.items():
        if not isinstance(res, dict) or res.get("Type") not in _TYPES:
            continue
        props = res.get("Properties")
        if not isinstance(props, dict) or "Manifest" not in props:
            continue
        pointer = f"/Resources/{_escape(name)}/Properties/Manifest"
        for sub in _parse(doc, pointer, props["Manifest"]):
            out.extend(embedded_items(sub, wanted))
    return out


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _parse(doc, pointer, value) -> list:
    from aslint.core.embedded import OffsetMap, string_document

    if isinstance(value, str):
        docs, _ = string_document(doc, pointer, fmt="json" if value.lstrip()[:1] in "[{" else None)
        return docs
    try:
        from aslint.templates.substitution import pieces
    except ImportError:
        return []
    omap = OffsetMap()
    for piece in pieces(doc, pointer, value):
        omap.add(piece.text, piece.offsets, piece.fallback)
    text = omap.text
    if not text.strip():
        return []
    docs, _ = string_document(doc, pointer, text=text, to_host=omap)
    return docs


def embedded_items(doc, wanted) -> list:
    """``doc`` itself when wanted, else its wanted items (a JSON array, or a ``kind: …List``)."""
    data = doc.data
    if wanted(data):
        return [doc]
    if isinstance(data, dict) and isinstance(data.get("kind"), str) and data["kind"].endswith("List"):
        items, base = data.get("items"), "/items"
    elif isinstance(data, list):
        items, base = data, ""
    else:
        return []
    if not isinstance(items, list):
        return []
    return [subtree(doc, f"{base}/{i}", item) for i, item in enumerate(items) if wanted(item)]


def subtree(doc, pointer: str, data, context=None):
    """``embedded.subtree_document`` that also works when ``doc`` itself lives inside a string."""
    from aslint.core.embedded import subtree_document

    sub = subtree_document(doc, pointer, data, context=context if context is not None else dict(doc.context or {}))
    if doc.host is not None:  # same text as doc: the same mapping to the host applies
        sub.host, sub.host_pointer, sub.to_host = doc.host, doc.host_pointer, doc.to_host
    return sub
