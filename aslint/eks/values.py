"""Reading literal values inside an EKS task's parameters (nested fields, both query languages)."""

from __future__ import annotations

from aslint.eks.tasks import is_expression
from aslint.core.pointer import escape

#: EKS API field holding the cluster's name, per integration
CLUSTER_NAME_FIELD = {
    "createCluster": "Name",
    "deleteCluster": "Name",
}


def cluster_name_field(api: str) -> str:
    return CLUSTER_NAME_FIELD.get(api, "ClusterName")


def lookup(task, *path):
    """(state, value, pointer) of a nested field: state is 'literal', 'dynamic' or 'absent'.

    A ``Key.$`` (JSONPath) or a ``{% … %}`` string (JSONata) anywhere along the path is 'dynamic'.
    """
    node, pointer = task.params, task.params_pointer
    if node is None:
        return "absent", None, pointer
    for seg in path:
        if isinstance(node, dict):
            if seg in node:
                node, pointer = node[seg], f"{pointer}/{escape(seg)}"
            elif not task.jsonata and f"{seg}.$" in node:
                return "dynamic", None, f"{pointer}/{escape(seg + '.$')}"
            else:
                return "absent", None, f"{pointer}/{escape(seg)}"
        elif isinstance(node, list) and isinstance(seg, int):
            if 0 <= seg < len(node):
                node, pointer = node[seg], f"{pointer}/{seg}"
            else:
                return "absent", None, f"{pointer}/{seg}"
        elif task.jsonata and is_expression(node):
            return "dynamic", None, pointer
        else:
            return "absent", None, pointer
        if task.jsonata and is_expression(node):
            return "dynamic", None, pointer
    return "literal", node, pointer


def literal_string(task, *path):
    """(value, pointer) when the field is a literal string without template placeholders, else (None, pointer)."""
    state, value, pointer = lookup(task, *path)
    if state == "literal" and isinstance(value, str) and not is_placeholder(value):
        return value, pointer
    return None, pointer


from aslint.asl.dynamic import has_placeholder as is_placeholder  # noqa: E402,F401  (the one test)
