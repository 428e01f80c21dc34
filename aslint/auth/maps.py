"""The mapRoles / mapUsers / mapAccounts strings of an aws-auth ConfigMap, parsed as documents of their own.

Each string is parsed with positions mapped back into the file (``embedded.string_document``), so a
finding on ``/0/rolearn`` of the mapRoles document lands on the exact characters inside the literal
block or the escaped JSON string. Results are cached on the ConfigMap document.
"""

from __future__ import annotations

MAP_KEYS = ("mapRoles", "mapUsers", "mapAccounts")
MAP_KIND = "aws-auth-map"


def maps(doc) -> dict:
    """{key: (documents, error message or None)} for each map key present with a string value."""
    cached = doc.cache.get("auth.maps")
    if cached is not None:
        return cached
    from aslint.core.embedded import string_document

    out: dict = {}
    data = doc.data.get("data") if isinstance(doc.data, dict) else None
    if isinstance(data, dict):
        for key in MAP_KEYS:
            value = data.get(key)
            if not isinstance(value, str) or not value.strip():
                continue
            try:
                cyclic = "&" in value and "*" in value and _recursive_alias(value)
                docs, error = ([], "a YAML alias refers to its own anchor (a recursive structure)") if cyclic else \
                    string_document(doc, f"/data/{key}", context={"map": key})
            except Exception as err:  # never let a strange string end the run
                docs, error = [], f"{type(err).__name__}: {err}"
            for sub in docs:
                sub.kind = MAP_KIND
            out[key] = (docs, error)
    doc.cache["auth.maps"] = out
    return out


def _recursive_alias(text: str) -> bool:
    """Whether the YAML in ``text`` has an alias inside its own anchor (which would expand forever)."""
    import yaml

    try:
        roots = list(yaml.compose_all(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except Exception:
        return False  # the real parse reports the error
    done: set = set()  # nodes explored to the end without a cycle: an alias to one costs nothing
    for root in roots:
        stack = [(root, False)]
        open_nodes: set = set()
        while stack:
            node, leaving = stack.pop()
            if leaving:
                open_nodes.discard(id(node))
                done.add(id(node))
                continue
            if id(node) in open_nodes:
                return True
            if id(node) in done:
                continue
            if isinstance(node, yaml.SequenceNode):
                children = node.value
            elif isinstance(node, yaml.MappingNode):
                children = [n for pair in node.value for n in pair]
            else:
                continue
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children)
    return False


def entries(map_doc):
    """(pointer, entry dict) for each mapping of a parsed mapRoles/mapUsers document."""
    data = map_doc.data
    if not isinstance(data, list):
        return
    for i, entry in enumerate(data):
        if isinstance(entry, dict):
            yield f"/{i}", entry


def map_name(map_doc) -> str:
    return (map_doc.context or {}).get("map", "")


def groups_of(entry: dict) -> list:
    groups = entry.get("groups")
    return [g for g in groups if isinstance(g, str)] if isinstance(groups, list) else []


def is_node_username(username) -> bool:
    """The node identities EKS writes (kubernetes-facts §4.2, §4.5): EC2 nodes and Fargate pods."""
    return isinstance(username, str) and username in ("system:node:{{EC2PrivateDNSName}}", "system:node:{{SessionName}}")


def parse_map_text(text) -> list | None:
    """A mapRoles string as a list (for bodies read without positions), or None."""
    if not isinstance(text, str):
        return None
    try:
        from aslint.core.yamlparse import safe_data

        value = safe_data(text)
    except Exception:
        return None
    return value if isinstance(value, list) else None


def node_entries(mapping_list) -> list:
    """Entries of a mapRoles list that keep nodes working (groups system:bootstrappers and system:nodes)."""
    out = []
    for entry in mapping_list or ():
        if isinstance(entry, dict):
            groups = groups_of(entry)
            if "system:nodes" in groups and "system:bootstrappers" in groups:
                out.append(entry)
    return out
