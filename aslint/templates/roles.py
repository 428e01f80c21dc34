"""Which role a state machine runs as, and which policies that role has, read from its template.

``RoleArn: !GetAtt Role.Arn`` (or ``Fn::Sub``/a ``role/${Role}`` ARN) names a role of the same
template; its inline ``Policies``, the ``AWS::IAM::Policy``/``ManagedPolicy`` resources that list
it in ``Roles`` and ``ManagedPolicyArns`` pointing at such a resource are its policies. A SAM state
machine without ``Role`` gets a role made of its ``Policies`` (inline statements, and SAM policy
templates expanded where their statements are known). What cannot be read (AWS-managed policies,
unknown policy templates, a role defined outside the template) becomes a note; nothing is guessed.
"""

from __future__ import annotations

from aslint.core import lazyre

from aslint.core.embedded import subtree_document
from aslint.core.pointer import join
from aslint.templates import sam_policies
from aslint.templates.substitution import is_intrinsic, render_value, text_of

ROLE = "AWS::IAM::Role"
POLICY_TYPES = ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")
_ARN_REF = lazyre.compile(r"^\$\{([A-Za-z0-9]+)\.Arn\}$")
_ROLE_PATH = lazyre.compile(r":role/(?:[^$]*/)?(\$\{[A-Za-z0-9]+\}|[\w+=,.@-]+)$")


class Policies:
    """Policy Documents of one template, built once per PolicyDocument pointer."""

    def __init__(self, host):
        self.host = host
        self.by_pointer: dict = {}
        self._moved: set = set()

    def document(self, pointer: str, data=None, synthetic: bool = False):
        doc = self.by_pointer.get(pointer)
        if doc is None:
            raw = data if data is not None else _resolve(self.host.data, pointer)
            rendered = render_value(raw, {}, None, pointer) if data is None else raw
            doc = subtree_document(self.host, pointer, data=rendered)
            doc.context = {"template_pointer": pointer, "synthetic": synthetic}
            if synthetic:
                doc.kind = "iam-policy"  # a SAM policy template's expansion: known to be a policy
                doc._duplicates, doc._has_duplicates = [], False
            self.by_pointer[pointer] = doc
        return doc


def _resolve(data, pointer):
    from aslint.core.pointer import resolve

    return resolve(data, pointer)


def role_resource(host, resources: dict, value) -> str | None:
    """The logical id of the AWS::IAM::Role in ``resources`` that ``value`` (a RoleArn) names."""
    def is_role(name):
        return isinstance(name, str) and isinstance(resources.get(name), dict) and resources[name].get("Type") == ROLE

    if isinstance(value, dict) and "Fn::GetAtt" in value:
        arg = value["Fn::GetAtt"]
        name = arg[0] if isinstance(arg, list) and arg else (arg.split(".", 1)[0] if isinstance(arg, str) else None)
        return name if isinstance(name, str) and is_role(name) else None
    if isinstance(value, dict) and "Ref" in value:
        return value["Ref"] if is_role(value["Ref"]) else None
    text = text_of(None, "", value) if value is not None else ""
    m = _ARN_REF.match(text)
    if m and is_role(m.group(1)):
        return m.group(1)
    m = _ROLE_PATH.search(text)
    if m:
        tail = m.group(1)
        if tail.startswith("${") and is_role(tail[2:-1]):
            return tail[2:-1]
        for name, res in resources.items():
            if isinstance(res, dict) and res.get("Type") == ROLE:
                props = res.get("Properties") if isinstance(res.get("Properties"), dict) else {}
                if props.get("RoleName") == tail:
                    return name
    return None


def _managed_arn(host, pointer, value, resources, policies, out, notes, root="/Resources"):
    if isinstance(value, dict) and set(value) == {"Ref"} and isinstance(value["Ref"], str):
        target = resources.get(value["Ref"])
        if isinstance(target, dict) and target.get("Type") == "AWS::IAM::ManagedPolicy":
            props = target.get("Properties") if isinstance(target.get("Properties"), dict) else {}
            if isinstance(props.get("PolicyDocument"), dict):
                out.append(policies.document(join(root, value["Ref"], "Properties", "PolicyDocument")))
                return
    name = text_of(None, pointer, value)
    notes.append((pointer, f"managed policy {str(name)[:80]} is not in this template, so the permissions it grants are not checked"))


def _policy_resources(policies: Policies, resources: dict) -> list:
    """The template's policy resources, listed once per template (not once per state machine)."""
    index = policies.__dict__.setdefault("_policy_index", {})
    found = index.get(id(resources))
    if found is None:
        found = index[id(resources)] = [(name, res) for name, res in resources.items()
                                        if isinstance(res, dict) and res.get("Type") in POLICY_TYPES]
    return found


def role_policies(host, resources: dict, role: str, policies: Policies, root: str = "/Resources") -> tuple[list, list]:
    """(policy Documents, notes) of the template role ``role`` (``resources`` sits at ``root``)."""
    out: list = []
    notes: list = []
    base = join(root, role, "Properties")
    props = resources[role].get("Properties")
    props = props if isinstance(props, dict) else {}
    inline = props.get("Policies")
    if isinstance(inline, list):
        for i, item in enumerate(inline):
            if isinstance(item, dict) and isinstance(item.get("PolicyDocument"), dict):
                out.append(policies.document(join(base, "Policies", i, "PolicyDocument")))
            elif isinstance(item, dict) and item:
                notes.append((join(base, "Policies", i), "an inline policy built by an intrinsic function is not read"))
    arns = props.get("ManagedPolicyArns")
    if isinstance(arns, list):
        for i, arn in enumerate(arns):
            _managed_arn(host, join(base, "ManagedPolicyArns", i), arn, resources, policies, out, notes, root)
    for name, res in _policy_resources(policies, resources):
        pprops = res.get("Properties") if isinstance(res.get("Properties"), dict) else {}
        roles = pprops.get("Roles")
        if not isinstance(roles, list) or not isinstance(pprops.get("PolicyDocument"), dict):
            continue
        role_name = props.get("RoleName")
        if any((isinstance(r, dict) and r.get("Ref") == role) or (isinstance(role_name, str) and r == role_name) for r in roles):
            doc = policies.document(join(root, name, "Properties", "PolicyDocument"))
            if doc not in out:
                out.append(doc)
    return out, notes


def sam_policies_of(host, pointer: str, value, policies: Policies) -> tuple[list, list]:
    """(policy Documents, notes) for a SAM ``Policies`` property (a string, an object or a list)."""
    out: list = []
    notes: list = []
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        here = join(pointer, i) if isinstance(value, list) else pointer
        if isinstance(item, str) or (is_intrinsic(item) and next(iter(item)) in ("Ref", "Fn::Sub", "Fn::GetAtt")):
            name = item if isinstance(item, str) else text_of(None, here, item)
            notes.append((here, f"managed policy {str(name)[:80]} is not in this template, so the permissions it grants are not checked"))
        elif isinstance(item, dict) and "Statement" in item:
            out.append(policies.document(here))
        elif isinstance(item, dict) and len(item) == 1:
            (name, params), = item.items()
            if isinstance(params, dict):
                texts = {str(k): text_of(host, join(here, name, k), v) for k, v in params.items()}
            else:
                texts = {}
            expanded = sam_policies.expand(name, texts)
            if expanded is None:
                what = "a conditional (Fn::If) policy" if name == "Fn::If" else f"the SAM policy template {name}"
                notes.append((here, f"{what} is not expanded by aslint; the permissions it grants are not checked"))
            else:
                out.append(policies.document(here, data=expanded, synthetic=True))
        else:
            notes.append((here, "this Policies entry is not a policy aslint can read"))
    return out, notes

