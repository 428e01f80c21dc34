"""Serverless Framework ``serverless.yml`` with the serverless-step-functions plugin:
``stepFunctions.stateMachines.<name>.definition`` (an object, or a JSON string), ``role`` (an ARN,
or ``Fn::GetAtt`` of a role under ``resources.Resources``). Without ``role`` the plugin generates
the role from the definition, so its permissions are not checked (a note says so).

Serverless variables (``${self:custom.x}``, ``${sls:stage}``, ``${opt:…}``) are ``${…}`` text and
therefore unknown values to every rule; ``Ref``/``Fn::GetAtt`` are rendered as in CloudFormation."""

from __future__ import annotations

from aslint.core import kinds
from aslint.core.embedded import subtree_document
from aslint.core.pointer import join
from aslint.templates import roles
from aslint.templates.cloudformation import _from_string
from aslint.templates.common import analysed, incomplete_reason, is_definition
from aslint.templates.substitution import is_intrinsic, render_value, text_of

KIND = "serverless"


@kinds.recognizer(KIND, order=20)
def is_serverless(data) -> bool:
    if not isinstance(data, dict) or "service" not in data:
        return False
    sf = data.get("stepFunctions")
    return isinstance(sf, dict) and isinstance(sf.get("stateMachines"), dict)


@kinds.extractor(KIND)
@analysed
def extract(doc, result) -> None:
    machines = doc.data["stepFunctions"]["stateMachines"]
    res_section = doc.data.get("resources")
    resources = res_section.get("Resources") if isinstance(res_section, dict) else None
    resources = resources if isinstance(resources, dict) else {}
    root = "/resources/Resources"
    policies = roles.Policies(doc)
    for name, machine in machines.items():
        base = join("/stepFunctions/stateMachines", name)
        if not isinstance(machine, dict):
            continue
        context = {"template_resource": str(name), "template_format": "serverless", "role_policy_notes": []}
        role = machine.get("role")
        if role is None:
            message = (f"the serverless-step-functions plugin generates the role of {name} from its definition; "
                       "its permissions are not checked")
            context["role_policy_notes"].append(message)
        else:
            context["role_arn"] = text_of(None, "", role)
            logical = roles.role_resource(doc, resources, role)
            if logical is not None:
                docs, notes = roles.role_policies(doc, resources, logical, policies, root)
                context["role_policies"] = docs
                context["role_resource"] = logical
                for pointer, message in notes:
                    context["role_policy_notes"].append(message)
                    result.add("TPL005", pointer, message, hint="Pass its policies with --role-policy or role-policies in the configuration")
            else:
                message = f"the role of state machine {name} is not defined in this file, so its permissions are not checked"
                context["role_policy_notes"].append(message)
                result.add("TPL005", join(base, "role"), message, hint="Pass its policies with --role-policy or role-policies in the configuration")
        context["role_policies_complete"] = "role_policies" in context and not context["role_policy_notes"]
        if "definition" not in machine:
            result.add("TPL004", base, f"state machine {name} has no definition", "key", "Add one")
            continue
        value, ptr = machine["definition"], join(base, "definition")
        found = []
        if isinstance(value, dict) and not is_intrinsic(value):
            if is_definition(value):
                rendered = render_value(value, {}, None, ptr)
                ddoc = subtree_document(doc, ptr, data=rendered, context=dict(context, substituted=rendered != value))
                ddoc.kind = "asl"
                from aslint.templates.common import move_duplicates

                move_duplicates(doc, ptr)
                found.append(ddoc)
            else:
                result.add("TPL004", ptr, f"state machine {name}: {incomplete_reason(value)}, so it cannot run", "key",
                           "Give it a StartAt and a States object")
        else:
            found = _from_string(doc, str(name), ptr, value, {}, context, result)
            for ddoc in found:
                ddoc.context.pop("unresolved_placeholders", None)  # ${…} here are Serverless variables
        result.machines.append((str(name), base, found))
        result.documents.extend(found)
    for pointer, pdoc in policies.by_pointer.items():
        pdoc._duplicates, pdoc._has_duplicates = [], False
        result.documents.append(pdoc)
