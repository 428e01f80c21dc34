"""What a Task returns: the result shape of each EKS integration, read from ``result_shapes.json``.

Every other resource (Lambda, SDK integrations, activities) returns an unknown shape.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from aslint.dat.shapes import TOP, of_spec

_TABLE = Path(__file__).with_name("result_shapes.json")


@functools.lru_cache(maxsize=1)
def table() -> dict:
    with open(_TABLE, encoding="utf-8") as handle:
        return {k: v for k, v in json.load(handle).items() if not k.startswith("_")}


_DYNAMIC = object()


def _param(params, dotted: str):
    """A literal parameter value by dotted name (``LogOptions.RetrieveLogs``), None when absent,
    ``_DYNAMIC`` when it is computed at run time (a ``.$`` key or a JSONata expression)."""
    value = params
    for part in dotted.split("."):
        if isinstance(value, str) and value.lstrip().startswith("{%"):
            return _DYNAMIC
        if not isinstance(value, dict):
            return None
        if part + ".$" in value:
            return _DYNAMIC
        if part not in value:
            return None
        value = value[part]
    if isinstance(value, str) and value.lstrip().startswith("{%"):
        return _DYNAMIC
    return value


def task_result(ref, origin: str, keep=None):
    """The result shape of Task ``ref`` (TOP when the integration is not in the table)."""
    resource = ref.node.get("Resource")
    if not isinstance(resource, str) or ":eks:" not in resource:
        return TOP
    from aslint.eks.tasks import parse_resource

    parsed = parse_resource(resource)
    if parsed is None:
        return TOP
    entry = table().get(f"eks:{parsed[0]}{parsed[1]}")
    if entry is None:
        return TOP
    params = ref.node.get("Arguments" if ref.jsonata else "Parameters")
    if isinstance(params, str):
        return TOP  # the whole Arguments is one JSONata expression
    for case in entry.get("when", ()):
        values = [_param(params, k) for k in case["if"]]
        if any(v is _DYNAMIC for v in values):
            return TOP
        if all(v == want for v, want in zip(values, case["if"].values())):
            return of_spec(case["shape"], origin, keep=keep)
    return of_spec(entry.get("shape"), origin, keep=keep)
