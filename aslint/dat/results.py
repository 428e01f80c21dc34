"""What a Task returns: the result shape of each EKS integration and pattern, read from the
integrations table (``schemas/integrations.json``, ``result_shape``).

Every other resource (Lambda, SDK integrations, activities) and a pattern whose shape the table
leaves null return an unknown shape.
"""

from __future__ import annotations

from aslint.dat.shapes import TOP, of_spec

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


_SPECS: dict = {}  # Resource string -> its result-shape spec for the pattern it names (None: unknown)


def _spec_of(resource: str):
    """The table's result-shape spec of ``resource`` (once per distinct Resource string)."""
    got = _SPECS.get(resource, _DYNAMIC)
    if got is _DYNAMIC:
        from aslint.asl import integrations
        from aslint.asl.resource import eks_integration

        parsed = eks_integration(resource)
        entry = integrations.eks(parsed.api) if parsed is not None else None
        pattern = integrations.SUFFIX_PATTERN.get(parsed.pattern) if parsed is not None else None
        got = (entry.get("result_shape") or {}).get(pattern) if entry is not None and pattern else None
        if len(_SPECS) >= 4096:
            _SPECS.clear()
        _SPECS[resource] = got
    return got


def task_result(ref, origin, keep=None):
    """The result shape of Task ``ref`` (TOP when the table does not know it). ``origin``: the
    note of the shapes, or a function that makes it (called only when a shape is known)."""
    resource = ref.node.get("Resource")
    if not isinstance(resource, str) or ":eks:" not in resource:
        return TOP
    spec = _spec_of(resource)
    if not isinstance(spec, dict):
        return TOP
    if callable(origin):
        origin = origin()
    params = ref.node.get("Arguments" if ref.jsonata else "Parameters")
    if "when" in spec:
        if isinstance(params, str):
            return TOP  # the whole Arguments is one JSONata expression
        for case in spec["when"]:
            values = [_param(params, k) for k in case["if"]]
            if any(v is _DYNAMIC for v in values):
                return TOP
            if all(v == want for v, want in zip(values, case["if"].values())):
                return of_spec(case["shape"], origin, keep=keep)
        spec = spec.get("shape")
    return of_spec(spec, origin, keep=keep)
