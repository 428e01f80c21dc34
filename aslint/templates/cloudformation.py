"""CloudFormation and SAM templates (JSON or YAML, CDK output included): the state machines they
hold, with their role's policies, as documents of their own.

* ``AWS::StepFunctions::StateMachine``: ``Definition`` (an object), ``DefinitionString`` (a string,
  or ``Fn::Sub``/``Fn::Join`` producing one, as CDK writes it), ``DefinitionS3Location`` (not
  linted: TPL001), ``DefinitionSubstitutions``; role from ``RoleArn``.
* ``AWS::Serverless::StateMachine``: ``Definition``, ``DefinitionUri`` (a local file is linted
  with the template's substitutions; an S3 object is not: TPL001), ``DefinitionSubstitutions``;
  role from ``Role``, or the role SAM builds from ``Policies``.

An inline ``Definition`` becomes a subtree document (same text, so positions are exact); a
``DefinitionString`` is rendered piece by piece (see :mod:`aslint.templates.substitution`) and
parsed, with an offset map into the template.
"""

from __future__ import annotations

import os

from aslint.core import kinds
from aslint.core.embedded import subtree_document
from aslint.core.pointer import join
from aslint.templates import roles
from aslint.templates.common import ANALYSIS, Analysis, incomplete_reason, is_definition, move_duplicates, parse_string
from aslint.templates.substitution import (is_intrinsic, literal_substitutions, offset_map, pieces,
                                           quote_bare_unknowns, render_value, substitute)

KIND = "cfn-template"
SFN = "AWS::StepFunctions::StateMachine"
SAM = "AWS::Serverless::StateMachine"
MACHINE_TYPES = (SFN, SAM)
IAM_TYPES = ("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")
SAM_POLICY_HOLDERS = ("AWS::Serverless::Function", "AWS::Serverless::StateMachine")


@kinds.recognizer(KIND, order=20)
def is_template(data) -> bool:
    """A CloudFormation/SAM template with a state machine or an IAM policy in ``Resources``."""
    if not isinstance(data, dict):
        return False
    resources = data.get("Resources")
    if not isinstance(resources, dict):
        return False
    for res in resources.values():
        if isinstance(res, dict) and (res.get("Type") in MACHINE_TYPES or res.get("Type") in IAM_TYPES):
            return True
    return False


def _sniff(text: str) -> bool:
    """A template that does not parse is still recognizable by its state machine's type name."""
    return "Resources" in text and ("AWS::StepFunctions::StateMachine" in text or "AWS::Serverless::StateMachine" in text)


kinds.SNIFFERS.append(_sniff)


@kinds.extractor(KIND)
def extract(doc) -> list:
    return analyse(doc).documents


def analyse(host) -> Analysis:
    cached = host.cache.get(ANALYSIS)
    if cached is not None:
        return cached
    result = Analysis()
    host.cache[ANALYSIS] = result
    resources = host.data.get("Resources")
    policies = roles.Policies(host)
    for name, res in resources.items():
        if isinstance(res, dict) and res.get("Type") in MACHINE_TYPES:
            _machine(host, resources, str(name), res, policies, result)
    # every inline policy of the template, for the IAM family (its recognizer decides the kind)
    for name, res in resources.items():
        if not isinstance(res, dict) or not isinstance(res.get("Properties"), dict):
            continue
        props, base = res["Properties"], join("/Resources", name, "Properties")
        kind = res.get("Type")
        if kind == "AWS::IAM::Role" and isinstance(props.get("Policies"), list):
            for i, item in enumerate(props["Policies"]):
                if isinstance(item, dict) and isinstance(item.get("PolicyDocument"), dict):
                    policies.document(join(base, "Policies", i, "PolicyDocument"))
        elif kind in roles.POLICY_TYPES and isinstance(props.get("PolicyDocument"), dict):
            policies.document(join(base, "PolicyDocument"))
        elif kind in SAM_POLICY_HOLDERS and "Policies" in props:
            value = props["Policies"]
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                if isinstance(item, dict) and "Statement" in item:
                    policies.document(join(base, "Policies", i) if isinstance(value, list) else join(base, "Policies"))
    for pointer, pdoc in policies.by_pointer.items():
        if pdoc.context.get("synthetic"):
            continue  # SAM's own policy templates: the role's context only, nothing to lint
        pdoc._duplicates, pdoc._has_duplicates = [], False  # the template reports them
        result.documents.append(pdoc)
    return result


def _machine(host, resources, name, res, policies, result: Analysis) -> None:
    base = join("/Resources", name)
    props = res.get("Properties")
    if not isinstance(props, dict):
        result.add("TPL004", base, f"state machine {name} has no Properties, so it has no definition", "key")
        return
    pbase = join(base, "Properties")
    sam = res.get("Type") == SAM
    raw_subs = props.get("DefinitionSubstitutions")
    if raw_subs is not None and not isinstance(raw_subs, dict) or isinstance(raw_subs, dict) and is_intrinsic(raw_subs) \
            and next(iter(raw_subs)) not in ("Fn::If", "Fn::FindInMap", "Fn::GetAtt", "Ref", "Fn::ImportValue", "Fn::Select"):
        result.add("TPL007", join(pbase, "DefinitionSubstitutions"),
                   f"DefinitionSubstitutions of state machine {name} is not a mapping of names to values")
    subs = literal_substitutions(host, join(pbase, "DefinitionSubstitutions"), raw_subs)
    context = _role_context(host, resources, name, props, pbase, sam, policies, result)
    context.update({"template_resource": str(name), "substitutions": subs, "template_format": "sam" if sam else "cloudformation"})
    found: list = []
    if "Definition" in props:
        value, ptr = props["Definition"], join(pbase, "Definition")
        if isinstance(value, dict) and not is_intrinsic(value):
            if is_definition(value):
                missing: set = set()
                rendered = render_value(value, subs, None, ptr, missing)
                ddoc = subtree_document(host, ptr, data=rendered, context=dict(
                    context, substituted=rendered != value, unresolved_placeholders=missing))
                ddoc.kind = "asl"
                move_duplicates(host, ptr)
                found.append(ddoc)
            else:
                result.add("TPL004", ptr, f"state machine {name}: {incomplete_reason(value)}, so it cannot run", "key",
                           "Give it a StartAt and a States object")
        else:
            found.extend(_from_string(host, name, ptr, value, subs, context, result))
    if "DefinitionString" in props:
        found.extend(_from_string(host, name, join(pbase, "DefinitionString"), props["DefinitionString"], subs, context, result))
    if "DefinitionUri" in props:
        found.extend(_from_uri(host, name, join(pbase, "DefinitionUri"), props["DefinitionUri"], subs, context, result))
    if "DefinitionS3Location" in props:
        result.add("TPL001", join(pbase, "DefinitionS3Location"),
                   f"state machine {name} reads its definition from S3 (DefinitionS3Location), which aslint does not fetch",
                   "key", "Lint the local file it is uploaded from")
    if not any(k in props for k in ("Definition", "DefinitionString", "DefinitionUri", "DefinitionS3Location")):
        result.add("TPL004", base, f"state machine {name} has no Definition, DefinitionString or "
                                   + ("DefinitionUri" if sam else "DefinitionS3Location"), "key", "Add one")
    result.machines.append((name, base, found))
    result.documents.extend(found)


def _from_string(host, name, ptr, value, subs, context, result) -> list:
    if not isinstance(value, str) and not is_intrinsic(value):
        result.add("TPL003", ptr, f"state machine {name}: the definition is a {type(value).__name__}, not a JSON string",
                   hint="Write it as a string, or use Definition for an object")
        return []
    if is_intrinsic(value) and next(iter(value)) not in ("Fn::Sub", "Fn::Join"):
        result.add("TPL001", ptr, f"state machine {name}: the definition is chosen by {next(iter(value))} at deploy time, "
                                  "so it is not linted", hint="Lint each candidate definition as a file")
        return []
    missing: set = set()
    parts = substitute(pieces(host, ptr, value), subs, missing=missing)
    context = dict(context, unresolved_placeholders=missing)
    text = "".join(p.text for p in parts)
    if text.lstrip()[:1] == "{":
        parts = quote_bare_unknowns(parts)
    omap = offset_map(parts)
    docs, error = parse_string(host, ptr, omap.text, omap, dict(context), fmt="json")
    if error is not None:
        result.add("TPL003", ptr, f"state machine {name}: the definition is not JSON after substitution: {error}",
                   hint="Fix the definition text so that Step Functions can read it")
        return []
    out = []
    for ddoc in docs:
        if is_definition(ddoc.data):
            ddoc.kind = "asl"
            out.append(ddoc)
        else:
            result.add("TPL004", ptr, f"state machine {name}: {incomplete_reason(ddoc.data)}, so it cannot run",
                       hint="Give it a StartAt and a States object")
    return out


def _from_uri(host, name, ptr, value, subs, context, result) -> list:
    from aslint.core.loader import load

    if not isinstance(value, str):
        result.add("TPL001", ptr, f"state machine {name} reads its definition from S3 (DefinitionUri object), which "
                                  "aslint does not fetch", "key", "Lint the local file it is uploaded from")
        return []
    if value.startswith("s3://"):
        result.add("TPL001", ptr, f"state machine {name} reads its definition from {value[:80]}, which aslint does not fetch",
                   hint="Lint the local file it is uploaded from")
        return []
    if host.path in ("-", ""):
        return []  # standard input: there is no folder to resolve the path against
    folder = os.path.dirname(os.path.abspath(host.path))
    path = os.path.normpath(os.path.join(folder, value))
    from aslint.core.workspace import current

    if not current().is_file(path):
        hint = _case_hint(path)
        result.add("TPL002", ptr, f"DefinitionUri {value[:80]} of state machine {name} does not exist, so `sam build` fails",
                   hint="Fix the path (relative to the template's folder)" + hint)
        return []
    loaded = load(path)
    if loaded.problem is not None:
        result.add("TPL003", ptr, f"state machine {name}: DefinitionUri {value[:60]} cannot be read: {loaded.problem.message}")
        return []
    out = []
    for ddoc in loaded.documents:
        if is_definition(ddoc.data):
            missing: set = set()
            ddoc.data = render_value(ddoc.data, subs, None, "", missing)
            ddoc.context = dict(context, definition_uri=value, unresolved_placeholders=missing)
            ddoc.kind = "asl"
            out.append(ddoc)
        else:
            result.add("TPL004", ptr, f"state machine {name}: DefinitionUri {value}: {incomplete_reason(ddoc.data)}")
    return out


def _case_hint(path: str) -> str:
    folder, base = os.path.split(path)
    from aslint.core.workspace import current

    for entry in current().names(folder):
        if entry.lower() == base.lower() and entry != base:
            return f": there is {entry}, and names are case-sensitive on Linux"
    return ""


def _connectors(resources, name, props, pbase) -> list:
    """Pointers of the SAM connectors whose source is state machine ``name``."""
    found = [join(pbase, "Connectors")] if "Connectors" in props else []
    return found + _connectors_by_source(resources).get(name, [])


_CONNECTORS: dict = {}


def _connectors_by_source(resources) -> dict:
    """Source Id -> connector pointers, indexed once per template (not once per state machine)."""
    hit = _CONNECTORS.get(id(resources))
    if hit is not None and hit[0] is resources:
        return hit[1]
    index: dict = {}
    for cname, res in resources.items():
        if isinstance(res, dict) and res.get("Type") == "AWS::Serverless::Connector":
            cprops = res.get("Properties") if isinstance(res.get("Properties"), dict) else {}
            source = cprops.get("Source")
            if isinstance(source, dict) and isinstance(source.get("Id"), str):
                index.setdefault(source["Id"], []).append(join("/Resources", cname))
    _CONNECTORS.clear()  # one template at a time
    _CONNECTORS[id(resources)] = (resources, index)
    return index


def _role_context(host, resources, name, props, pbase, sam, policies, result) -> dict:
    key = "Role" if sam else "RoleArn"
    context: dict = {}
    notes: list = []
    value = props.get(key)
    if value is not None:
        role = roles.role_resource(host, resources, value)
        from aslint.templates.substitution import text_of

        context["role_arn"] = text_of(None, "", value)
        if role is not None:
            docs, notes = roles.role_policies(host, resources, role, policies)
            context["role_policies"] = docs
            context["role_resource"] = role
        else:
            notes = [(join(pbase, key), f"the role of state machine {name} is not defined in this template, so its "
                                        "permissions are not checked")]
    elif sam:
        # SAM makes a role from Policies (none: a role without permissions)
        context["role_arn"] = "${%sRole.Arn}" % name
        docs, notes = ([], [])
        if "Policies" in props:
            docs, notes = roles.sam_policies_of(host, join(pbase, "Policies"), props["Policies"], policies)
        context["role_policies"] = docs
    else:
        notes = [(pbase, f"state machine {name} has no RoleArn, which CloudFormation requires")]
    connectors = _connectors(resources, name, props, pbase)
    if connectors and context.get("role_policies") is not None:
        notes = list(notes) + [(connectors[0], f"SAM connectors add permissions to the role of {name} that are not checked")]
    context["role_policy_notes"] = [message for _, message in notes]
    # the list is everything the role may do only when nothing was left unread
    context["role_policies_complete"] = "role_policies" in context and not notes
    for pointer, message in notes:
        result.add("TPL005", pointer, message, hint=_note_hint(message))
    return context


def _note_hint(message: str) -> str:
    if "has no RoleArn" in message:
        return "Add RoleArn: !GetAtt <Role>.Arn"
    if "SAM connectors" in message:
        return "Check the connector's permissions by hand, or write them as Policies"
    return "Pass its policies with --role-policy or role-policies in the configuration"
