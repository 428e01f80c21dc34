"""AWS Controllers for Kubernetes: a ``StateMachine`` manifest (``apiVersion:
sfn.services.k8s.aws/…``) holds its definition as a string in ``spec.definition`` and its role in
``spec.roleARN``. The string is parsed with its characters mapped into the manifest."""

from __future__ import annotations

from aslint.core import kinds
from aslint.core.embedded import char_offsets
from aslint.templates.common import analysed, incomplete_reason, is_definition, parse_string

KIND = "ack-statemachine"


@kinds.recognizer(KIND, order=20)
def is_ack_state_machine(data) -> bool:
    return (isinstance(data, dict) and data.get("kind") == "StateMachine"
            and isinstance(data.get("apiVersion"), str) and data["apiVersion"].startswith("sfn.services.k8s.aws/"))


@kinds.extractor(KIND)
@analysed
def extract(doc, result) -> None:
    spec = doc.data.get("spec")
    name = (doc.data.get("metadata") or {}).get("name") if isinstance(doc.data.get("metadata"), dict) else None
    name = name or "StateMachine"
    if not isinstance(spec, dict) or "definition" not in spec:
        result.add("TPL004", "/spec" if isinstance(spec, dict) else "", f"ACK StateMachine {name} has no spec.definition", "key",
                   "Add spec.definition, the JSON definition as a string")
        return
    value = spec["definition"]
    pointer = "/spec/definition"
    if not isinstance(value, str):
        result.add("TPL003", pointer, f"ACK StateMachine {name}: spec.definition is not a string",
                   hint="Give the JSON definition as a string")
        return
    context = {"template_resource": str(name), "template_format": "ack", "role_policy_notes": []}
    role = spec.get("roleARN")
    if isinstance(role, str):
        context["role_arn"] = role
        context["role_policy_notes"].append(f"the role {role} is managed outside this manifest; its policies are not known")
    context["role_policies_complete"] = False
    offsets = char_offsets(doc, pointer)
    to_host = (lambda s, e: (offsets[s], offsets[e]) if offsets and e < len(offsets) else None)
    docs, error = parse_string(doc, pointer, value, to_host, context, fmt="json")
    if error is not None:
        result.add("TPL003", pointer, f"ACK StateMachine {name}: spec.definition is not valid JSON: {error}")
        return
    for ddoc in docs:
        if is_definition(ddoc.data):
            ddoc.kind = "asl"
            result.documents.append(ddoc)
        else:
            result.add("TPL004", pointer, f"ACK StateMachine {name}: {incomplete_reason(ddoc.data)}")
    result.machines.append((name, pointer, list(result.documents)))
