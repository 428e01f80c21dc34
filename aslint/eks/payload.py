"""Payload-size facts and estimates for the PAY family (the 256 KiB task input/result quota)."""

from __future__ import annotations

import json

from aslint.eks import k8spath
from aslint.eks.job import jobs
from aslint.eks.values import literal_string, lookup

#: Step Functions quota: task input/result at most 262,144 bytes as a UTF-8 string (eks-facts.md §4)
QUOTA = 262_144


def json_size(value) -> int:
    """UTF-8 size of ``value`` serialised compactly, as Step Functions counts a payload."""
    text = _compact(value)
    return len(text) if text.isascii() else len(text.encode("utf-8"))


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_c_encode = None


def _compact(value) -> str:
    """``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``, with the C encoder made
    once instead of per call (asked for every payload of every state)."""
    global _c_encode
    if _c_encode is None:
        make = json.encoder.c_make_encoder
        if make is None:  # a Python without the C accelerator
            _c_encode = _ENCODER.encode
        else:
            e = _ENCODER
            iterencode = make({}, e.default, json.encoder.encode_basestring, e.indent, e.key_separator,
                              e.item_separator, e.sort_keys, e.skipkeys, e.allow_nan)
            _c_encode = lambda v: "".join(iterencode(v, 0))  # noqa: E731
    return _c_encode(value)


def _int(value):
    """An integer from a literal (Kubernetes ints, or a LogParameters ["6"] list)."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def retrieves_logs(task) -> bool:
    """runJob.sync with LogOptions.RetrieveLogs literally true."""
    if task.api != "runJob" or not task.sync:
        return False
    state, value, _ = lookup(task, "LogOptions", "RetrieveLogs")
    return state == "literal" and value is True


def log_bound(task):
    """(kind, pointer, found) for a logs-retrieving runJob's LogParameters.

    kind: 'none' (no tailLines/limitBytes), 'bound' (found maps them to integers) or 'dynamic'
    (given by a path/expression, or not a number: the size cannot be known).
    """
    state, params, pointer = lookup(task, "LogOptions", "LogParameters")
    if state == "dynamic":
        return "dynamic", pointer, {}
    if state != "literal" or not isinstance(params, dict):
        return "none", pointer, {}
    found = {}
    for key in ("tailLines", "limitBytes"):
        if key + ".$" in params or (task.jsonata and isinstance(params.get(key), str) and params[key].strip().startswith("{%")):
            return "dynamic", pointer, {}
        if key in params:
            found[key] = _int(params[key])
    if not found:
        return "none", pointer, {}
    if any(v is None for v in found.values()):
        return "dynamic", pointer, found
    return "bound", pointer, found


def pods_and_containers(doc, task):
    """(pods, containers) the Job says it runs, with defaults 1 where it does not say."""
    for view in jobs(doc):
        if view.task is not task:
            continue
        pods = 1
        for field in ("parallelism", "completions"):
            state, value, _ = view.get("spec", field)
            n = _int(value) if state == "literal" else None
            if n is not None and n > pods:
                pods = n
        state, containers, _ = view.get("spec", "template", "spec", "containers")
        count = len(containers) if state == "literal" and isinstance(containers, list) and containers else 1
        return pods, count
    return 1, 1


def large_result_kind(task) -> str | None:
    """Why a task's raw result can be large: 'logs', 'list', 'cluster' (None when it is not)."""
    if retrieves_logs(task):
        return "logs"
    if task.api == "call":
        method, _ = literal_string(task, "Method")
        path, _ = literal_string(task, "Path")
        parsed = k8spath.parse(path)
        if method == "GET" and parsed is not None and parsed.collection:
            state, query, _ = lookup(task, "QueryParameters")
            if state == "literal" and isinstance(query, dict) and ("limit" in query or "limit.$" in query):
                return None
            if state == "dynamic":
                return None
            return "list"
    if task.api == "createCluster" and task.sync:
        return "cluster"
    return None
