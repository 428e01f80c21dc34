"""Building small EKS definitions in both query languages and linting them."""

from __future__ import annotations

import copy
import json

from aslint.api import lint_text

CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM="
EP = "https://444455556666.yl4.us-east-1.eks.amazonaws.com"
ROLE = "arn:aws:iam::123456789012:role/MyRole"
SUBNETS = ["subnet-053e7c47012341234", "subnet-027cfea4b12341234"]


def job(**over):
    j = {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "example-job"},
         "spec": {"backoffLimit": 0, "template": {"spec": {
             "containers": [{"name": "pi", "image": "perl", "command": ["perl", "-e", "print 1"]}],
             "restartPolicy": "Never"}}}}
    j.update(over)
    return j


def run_params(**over):
    p = {"ClusterName": "MyCluster", "CertificateAuthority": CA, "Endpoint": EP, "Job": job()}
    p.update(over)
    return {k: v for k, v in p.items() if v is not None}


def call_params(**over):
    p = {"ClusterName": "MyCluster", "CertificateAuthority": CA, "Endpoint": EP, "Method": "GET",
         "Path": "/api/v1/namespaces/default/pods/example-pod"}
    p.update(over)
    return {k: v for k, v in p.items() if v is not None}


def to_jsonata(value):
    """JSONPath payload template -> JSONata Arguments: 'K.$': '$.a' becomes 'K': '{% $states.input.a %}'."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k.endswith(".$") and isinstance(v, str):
                expr = "$states.input" + v[1:] if v.startswith("$.") else "$states.input"
                out[k[:-2]] = "{% " + expr + " %}"
            else:
                out[k] = to_jsonata(v)
        return out
    if isinstance(value, list):
        return [to_jsonata(v) for v in value]
    return value


def definition(states: dict, start: str, ql: str = "JSONPath") -> dict:
    """A definition from JSONPath-style states; with ql='JSONata' Parameters become Arguments."""
    states = copy.deepcopy(states)
    if ql == "JSONata":
        for st in states.values():
            if isinstance(st, dict) and "Parameters" in st:
                st["Arguments"] = to_jsonata(st.pop("Parameters"))
            if isinstance(st, dict):
                for key in ("ResultPath", "ResultSelector", "OutputPath", "InputPath"):
                    st.pop(key, None)
        return {"QueryLanguage": "JSONata", "StartAt": start, "States": states}
    return {"StartAt": start, "States": states}


def task(resource: str, params, ql: str = "JSONPath", **extra) -> dict:
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:" + resource, "Parameters": params, **extra}
    state.setdefault("End", True)
    return definition({"Task": state}, "Task", ql)


def lint(data, select, filename="definition.asl.json"):
    text = data if isinstance(data, str) else json.dumps(data, indent=2)
    return lint_text(text, filename, select=list(select))


def found(data, code):
    return [d for d in lint(data, [code]) if d.code == code]
