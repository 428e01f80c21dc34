"""Terraform's JSON plan or state (``terraform show -json``): the one Terraform form that needs no
HCL parser. ``aws_sfn_state_machine`` values carry ``definition`` (a JSON string) and ``role_arn``;
the role is found through the configuration's references (``aws_iam_role.x.arn``) or a literal ARN
equal to a planned role's ``arn``, and its policies are the ``aws_iam_role_policy`` resources on it,
its ``inline_policy`` blocks and the ``aws_iam_policy`` resources attached to it by
``aws_iam_role_policy_attachment``. Policies are JSON strings too: each is parsed with its
characters mapped into the plan file."""

from __future__ import annotations

from aslint.core import kinds
from aslint.core.embedded import char_offsets
from aslint.core.pointer import join
from aslint.templates.common import analysed, incomplete_reason, is_definition, parse_string

KIND = "terraform-plan"


@kinds.recognizer(KIND, order=20)
def is_plan(data) -> bool:
    return (isinstance(data, dict) and "format_version" in data and "terraform_version" in data
            and (isinstance(data.get("planned_values"), dict) or isinstance(data.get("values"), dict)))


def _modules(module, pointer, prefix=""):
    """(pointer of a resource, resource) for every resource of ``module`` and its children."""
    if not isinstance(module, dict):
        return
    for i, res in enumerate(_seq(module.get("resources"))):
        if isinstance(res, dict):
            yield join(pointer, "resources", i), res
    for i, child in enumerate(_seq(module.get("child_modules"))):
        yield from _modules(child, join(pointer, "child_modules", i))


def _expressions(module, prefix="", out=None) -> dict:
    """address -> expressions, from the plan's configuration (modules included)."""
    out = {} if out is None else out
    if not isinstance(module, dict):
        return out
    for res in _seq(module.get("resources")):
        if isinstance(res, dict) and isinstance(res.get("address"), str):
            out[prefix + res["address"]] = res.get("expressions") or {}
    for name, call in _mapping(module.get("module_calls")).items():
        if isinstance(call, dict):
            _expressions(call.get("module"), f"{prefix}module.{name}.", out)
    return out


def _refs(expressions: dict, field: str, module_prefix: str) -> list:
    expr = expressions.get(field) if isinstance(expressions, dict) else None
    refs = expr.get("references") if isinstance(expr, dict) else None
    return [module_prefix + r for r in (refs if isinstance(refs, list) else ()) if isinstance(r, str)]


def _mapping(value) -> dict:
    """``value`` when it is an object, else an empty one (a plan can be broken in any way)."""
    return value if isinstance(value, dict) else {}


def _seq(value) -> list:
    """``value`` when it is a list, else an empty one."""
    return value if isinstance(value, list) else []


def _module_prefix(address) -> str:
    if not isinstance(address, str):
        return ""
    parts = address.split(".")
    prefix = []
    while len(parts) >= 2 and parts[0] == "module":
        prefix += parts[:2]
        parts = parts[2:]
    return ".".join(prefix) + "." if prefix else ""


@kinds.extractor(KIND)
@analysed
def extract(doc, result) -> None:
    key = "planned_values" if isinstance(doc.data.get("planned_values"), dict) else "values"
    root = doc.data[key].get("root_module")
    resources = list(_modules(root, join("/" + key, "root_module")))
    config = doc.data.get("configuration")
    expressions = _expressions(config.get("root_module")) if isinstance(config, dict) else {}
    by_address = {res.get("address"): (ptr, res) for ptr, res in resources if isinstance(res.get("address"), str)}
    policy_docs: dict = {}

    def policy(ptr: str, owner: str):
        if ptr in policy_docs:
            return policy_docs[ptr]
        offsets = char_offsets(doc, ptr)
        to_host = (lambda s, e, o=offsets: (o[s], o[e]) if o and e < len(o) else None)
        text = _value(doc.data, ptr)
        docs, error = parse_string(doc, ptr, text, to_host, {"template_resource": str(owner)}, fmt="json")
        policy_docs[ptr] = docs[0] if docs else None
        if docs:
            result.documents.append(docs[0])
        return policy_docs[ptr]

    # every policy in the plan, for the IAM family
    for ptr, res in resources:
        values = res.get("values") if isinstance(res.get("values"), dict) else {}
        if res.get("type") in ("aws_iam_role_policy", "aws_iam_policy") and isinstance(values.get("policy"), str):
            policy(join(ptr, "values", "policy"), res.get("address", ""))
        if res.get("type") == "aws_iam_role":
            for i, block in enumerate(_seq(values.get("inline_policy"))):
                if isinstance(block, dict) and isinstance(block.get("policy"), str) and block["policy"]:
                    policy(join(ptr, "values", "inline_policy", i, "policy"), res.get("address", ""))

    for ptr, res in resources:
        if res.get("type") != "aws_sfn_state_machine":
            continue
        address = res.get("address") if isinstance(res.get("address"), str) and res.get("address") else "aws_sfn_state_machine"
        values = res.get("values") if isinstance(res.get("values"), dict) else {}
        dptr = join(ptr, "values", "definition")
        context = {"template_resource": str(address), "template_format": "terraform-plan"}
        context.update(_role(doc, address, values, expressions, resources, by_address, policy, result, ptr))
        definition = values.get("definition")
        if not isinstance(definition, str):
            result.add("TPL001", ptr, f"{address}: the definition is not known until apply (computed), so it is not linted",
                       "key")
            continue
        offsets = char_offsets(doc, dptr)
        to_host = (lambda s, e, o=offsets: (o[s], o[e]) if o and e < len(o) else None)
        docs, error = parse_string(doc, dptr, definition, to_host, context, fmt="json")
        if error is not None:
            result.add("TPL003", dptr, f"{address}: the definition is not valid JSON: {error}")
            continue
        found = []
        for ddoc in docs:
            if is_definition(ddoc.data):
                ddoc.kind = "asl"
                found.append(ddoc)
            else:
                result.add("TPL004", dptr, f"{address}: {incomplete_reason(ddoc.data)}")
        result.machines.append((address, ptr, found))
        result.documents.extend(found)


def _value(data, pointer):
    from aslint.core.pointer import resolve

    return resolve(data, pointer)


def _role(doc, address, values, expressions, resources, by_address, policy, result, ptr) -> dict:
    prefix = _module_prefix(address)
    context: dict = {"role_policy_notes": []}
    notes = context["role_policy_notes"]
    role_arn = values.get("role_arn")
    if isinstance(role_arn, str):
        context["role_arn"] = role_arn
    role_address = None
    for ref in _refs(expressions.get(address, {}), "role_arn", prefix):
        if ref.endswith(".arn") and ref[:-4] in by_address and by_address[ref[:-4]][1].get("type") == "aws_iam_role":
            role_address = ref[:-4]
            break
    if role_address is None and isinstance(role_arn, str):
        for addr, (_, res) in by_address.items():
            if res.get("type") == "aws_iam_role" and _mapping(res.get("values")).get("arn") == role_arn:
                role_address = addr
                break
    if role_address is None:
        message = f"{address}: its role is not in this plan, so its permissions are not checked"
        notes.append(message)
        result.add("TPL005", join(ptr, "values", "role_arn") if "role_arn" in values else ptr, message, hint="Pass its policies with --role-policy or role-policies in the configuration")
        return context
    context.setdefault("role_arn", "${%s.arn}" % role_address)
    context["role_resource"] = role_address
    role_ptr, role_res = by_address[role_address]
    role_values = _mapping(role_res.get("values"))
    role_name = role_values.get("name")
    docs = []
    for i, block in enumerate(_seq(role_values.get("inline_policy"))):
        if isinstance(block, dict) and isinstance(block.get("policy"), str) and block["policy"]:
            docs.append(policy(join(role_ptr, "values", "inline_policy", i, "policy"), role_address))
    attached_policies = []
    for addr, (rptr, res) in by_address.items():
        rvalues = _mapping(res.get("values"))
        rprefix = _module_prefix(addr or "")
        refs = _refs(expressions.get(addr, {}), "role", rprefix)
        on_role = any(r in (role_address, role_address + ".id", role_address + ".name") for r in refs) or (
            role_name is not None and rvalues.get("role") == role_name)
        if not on_role:
            continue
        if res.get("type") == "aws_iam_role_policy" and isinstance(rvalues.get("policy"), str):
            docs.append(policy(join(rptr, "values", "policy"), addr))
        elif res.get("type") == "aws_iam_role_policy_attachment":
            prefs = [r[:-4] for r in _refs(expressions.get(addr, {}), "policy_arn", rprefix) if r.endswith(".arn")]
            target = next((by_address[p] for p in prefs if p in by_address), None)
            if target is None and isinstance(rvalues.get("policy_arn"), str):
                target = next(((p, r) for p, r in by_address.values() if r.get("type") == "aws_iam_policy"
                               and _mapping(r.get("values")).get("arn") == rvalues["policy_arn"]), None)
            if target is not None and isinstance(_mapping(target[1].get("values")).get("policy"), str):
                attached_policies.append(policy(join(target[0], "values", "policy"), target[1].get("address", "")))
            else:
                arn = rvalues.get("policy_arn") or "(known after apply)"
                message = f"managed policy {str(arn)[:80]} of {role_address} is not in this plan, so the permissions it grants are not checked"
                notes.append(message)
                result.add("TPL005", join(rptr, "values", "policy_arn") if "policy_arn" in rvalues else rptr, message,
                           hint="Pass its policies with --role-policy or role-policies in the configuration")
    for arn in _seq(role_values.get("managed_policy_arns")):
        message = f"managed policy {str(arn)[:80]} of {role_address} is not in this plan, so the permissions it grants are not checked"
        notes.append(message)
        result.add("TPL005", join(role_ptr, "values", "managed_policy_arns"), message, hint="Pass its policies with --role-policy or role-policies in the configuration")
    context["role_policies"] = [d for d in docs + attached_policies if d is not None]
    context["role_policies_complete"] = not notes
    return context
