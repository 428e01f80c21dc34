"""The role of a Terraform state machine and its policies, read from the module's sources.

``role_arn = aws_iam_role.x.arn`` (or a literal ARN ending in the role's ``name``) names a role
of the module; its policies are ``aws_iam_role_policy`` resources on it (``role`` = the role's
``id``/``name``/literal name), its ``inline_policy`` blocks, and ``aws_iam_policy`` resources
attached by ``aws_iam_role_policy_attachment``/``aws_iam_policy_attachment`` or
``managed_policy_arns``. A policy is ``jsonencode({...})`` (exact HCL positions), a
``data.aws_iam_policy_document`` (its statement blocks read as a policy, each element at its
HCL position), a JSON heredoc or string, or ``file()``/``templatefile()``. What cannot be read (an
AWS-managed policy, a role from elsewhere, a computed policy) is a note (TPL005); nothing is guessed.
"""

from __future__ import annotations

import re

from aslint.core.document import Document
from aslint.core.pointer import join
from aslint.core.positions import Span
from aslint.templates import hcl
from aslint.templates.terraform_model import block_child_pointer, block_pointer, literal_string, reference, render
from aslint.templates import terraform_strings as strings

POLICY_DATA = "aws_iam_policy_document"
_DATA_JSON = re.compile(r"^data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.(?:json|minified_json)$")
_STATEMENT_KEYS = {"sid": "Sid", "effect": "Effect", "actions": "Action", "not_actions": "NotAction",
                   "resources": "Resource", "not_resources": "NotResource"}


class Policies:
    """Policy Documents of a module, each built once per lint run."""

    def __init__(self, module, result):
        self.module = module
        self.result = result
        self.docs: dict = {}

    def of(self, model, node, pointer: str, owner: str):
        """(Document or None, note or None) of a ``policy`` argument."""
        model, node, pointer = self.module.resolve(model, node, pointer)
        key = (model.path, pointer)
        if key in self.docs:
            return self.docs[key], None
        doc, note = self._build(model, node, pointer, owner)
        if doc is not None:
            self.docs[key] = doc
        return doc, note

    def _build(self, model, node, pointer, owner):
        ref = reference(node)
        m = _DATA_JSON.match(ref or "")
        if m:
            found = self.module.find("data", POLICY_DATA, m.group(1))
            if found is None:
                return None, f"{owner}: data.{POLICY_DATA}.{m.group(1)} is not in this module, so its statements are not known"
            dmodel, block = found
            key = (dmodel.path, block_pointer(block))
            if key not in self.docs:
                self.docs[key] = data_source_document(dmodel, block)
            return self.docs[key], None
        if isinstance(node, hcl.Call) and node.name == "jsonencode" and len(node.args) == 1:
            amodel, arg, apointer = self.module.resolve(model, node.args[0], pointer)
            if isinstance(arg, hcl.Obj):
                return object_document(amodel, arg, apointer), None
        if isinstance(node, hcl.Tpl):
            try:
                docs, error = strings.documents(model.document, pointer, node, {"template_resource": owner})
            except strings.Unreadable as err:
                return None, f"{owner}: the policy {err.message}"
            if error is None and docs:
                return docs[0], None
            return None, f"{owner}: the policy is not valid JSON ({error})"
        if isinstance(node, hcl.Call) and node.name in ("file", "templatefile"):
            try:
                docs, error = strings.file_documents(model.path, node, {"template_resource": owner})
            except strings.Unreadable as err:
                return None, f"{owner}: the policy {err.message}"
            if error is None and docs:
                return docs[0], None
            return None, f"{owner}: the policy file is not valid JSON ({error})"
        text = hcl.source_text(model.text, node.span)
        return None, f"{owner}: the policy is computed ({text}), so aslint cannot read it"


def object_document(model, node: hcl.Obj, origin: str, context=None) -> Document:
    """The HCL object ``node`` as a document of its own: positions are the HCL source's."""
    spans: dict = {}
    data = render(node, model.text, "", spans)
    doc = Document(model.path, model.text, "hcl", data, spans=spans, duplicates=[], context=context)
    doc.origin_pointer = origin
    return doc


def data_source_document(model, block) -> Document:
    """A ``data "aws_iam_policy_document"`` as the policy it produces (Version, Statement with
    Action/NotAction/Resource/NotResource/Principal/Condition), each element at its HCL position."""
    text = model.text
    spans: dict = {"": Span(tuple(block.span), tuple(block.type_span))}
    data: dict = {}
    version = block.body.attrs.get("version")
    data["Version"] = render(version.value, text, "/Version", spans, version.name_span) if version else "2012-10-17"
    statements = []
    spans["/Statement"] = spans[""]
    for i, stmt in enumerate(block.body.blocks_of("statement")):
        base = join("/Statement", i)
        spans[base] = Span(tuple(stmt.span), tuple(stmt.type_span))
        out: dict = {}
        for name, key in _STATEMENT_KEYS.items():
            attr = stmt.body.attrs.get(name)
            if attr is not None:
                out[key] = render(attr.value, text, join(base, key), spans, attr.name_span)
        out.setdefault("Effect", "Allow")
        for kind, key in (("principals", "Principal"), ("not_principals", "NotPrincipal")):
            blocks = stmt.body.blocks_of(kind)
            if blocks:
                spans[join(base, key)] = Span(tuple(blocks[0].span), tuple(blocks[0].type_span))
                principal: dict = {}
                for pb in blocks:
                    ptype = literal_string(pb.body.attr("type")) or "${type}"
                    ids = pb.body.attrs.get("identifiers")
                    if ids is not None:
                        principal[ptype] = render(ids.value, text, join(base, key, ptype), spans, ids.name_span)
                out[key] = principal
        conditions = stmt.body.blocks_of("condition")
        if conditions:
            spans[join(base, "Condition")] = Span(tuple(conditions[0].span), tuple(conditions[0].type_span))
            cond: dict = {}
            for cb in conditions:
                test = literal_string(cb.body.attr("test")) or "${test}"
                variable = literal_string(cb.body.attr("variable")) or "${variable}"
                spans.setdefault(join(base, "Condition", test), Span(tuple(cb.span), tuple(cb.type_span)))
                values = cb.body.attrs.get("values")
                if values is not None:
                    cond.setdefault(test, {})[variable] = render(values.value, text, join(base, "Condition", test, variable),
                                                                 spans, values.name_span)
            out["Condition"] = cond
        statements.append(out)
    data["Statement"] = statements
    doc = Document(model.path, model.text, "hcl", data, spans=spans, duplicates=[])
    doc.origin_pointer = block_pointer(block)
    doc.context = {"template_resource": f"data.{POLICY_DATA}.{block.labels[1]}"}
    if block.body.blocks_of("dynamic") or any(a in block.body.attrs for a in ("source_policy_documents", "override_policy_documents", "source_json", "override_json")):
        doc.context["incomplete"] = True
    return doc


def _names_role(node, role_name: str, role_literal: str | None) -> bool:
    ref = reference(node)
    if ref in (f"aws_iam_role.{role_name}.id", f"aws_iam_role.{role_name}.name", f"aws_iam_role.{role_name}.unique_id"):
        return True
    return role_literal is not None and literal_string(node) == role_literal


def _role_block(module, model, node):
    """(model, block) of the module's aws_iam_role that a role_arn names, or None."""
    ref = reference(node)
    if ref and ref.startswith("aws_iam_role.") and ref.endswith(".arn") and ref.count(".") == 2:
        return module.find("resource", "aws_iam_role", ref.split(".")[1])
    arn = literal_string(node)
    if arn and ":role/" in arn:
        tail = arn.rsplit("/", 1)[-1]
        for rmodel, block in module.all("resource", "aws_iam_role"):
            if literal_string(block.body.attr("name")) == tail:
                return rmodel, block
    return None


def role_context(module, model, machine, policies: Policies, result) -> dict:
    """The role link of one state machine (see docs/templates.md): role_arn, role_policies, notes."""
    label = f"aws_sfn_state_machine.{machine.labels[1]}"
    base = block_pointer(machine)
    context: dict = {"role_policy_notes": []}
    notes = context["role_policy_notes"]

    def note(message, doc_model=None, pointer=base):
        notes.append(message)
        other = doc_model is not None and doc_model is not model
        result.add("TPL005", pointer, message, document=doc_model.document if other else None)

    attr = machine.body.attrs.get("role_arn")
    if attr is None:
        note(f"{label} has no role_arn, so its permissions cannot be checked", pointer=base)
        return context
    rmodel_node = module.resolve(model, attr.value, join(base, "role_arn"))
    found = _role_block(module, rmodel_node[0], rmodel_node[1])
    context["role_arn"] = literal_string(rmodel_node[1]) or hcl.placeholder(rmodel_node[1], rmodel_node[0].text)
    if found is None:
        note(f"the role of {label} ({context['role_arn']}) is not defined in this module, so its policies are not "
             "known; IAM permissions are not checked", pointer=join(base, "role_arn"))
        return context
    rmodel, role = found
    role_name = role.labels[1]
    role_literal = literal_string(role.body.attr("name"))
    role_ptr = block_pointer(role)
    context["role_resource"] = f"aws_iam_role.{role_name}"
    docs: list = []

    def add_policy(pmodel, node, pointer, owner):
        doc, why = policies.of(pmodel, node, pointer, owner)
        if doc is not None:
            if doc not in docs:
                docs.append(doc)
        else:
            note(f"{why}; the permissions it grants are not checked", pmodel, pointer)

    def attach_arn(amodel, node, pointer, owner):
        ref = reference(node)
        if ref and ref.startswith("aws_iam_policy.") and ref.endswith(".arn") and ref.count(".") == 2:
            target = module.find("resource", "aws_iam_policy", ref.split(".")[1])
            if target is not None and target[1].body.attrs.get("policy") is not None:
                tmodel, tblock = target
                add_policy(tmodel, tblock.body.attr("policy"), join(block_pointer(tblock), "policy"), ref[:-4])
                return
        arn = literal_string(node) or hcl.source_text(amodel.text, node.span)
        note(f"managed policy {arn} is attached to aws_iam_role.{role_name} but its statements are not in this module, "
             "so they are not checkable; permissions it grants are not checked", amodel, pointer)

    for i, inline in enumerate(role.body.blocks_of("inline_policy")):
        policy = inline.body.attr("policy")
        if policy is not None:
            add_policy(rmodel, policy, join(block_child_pointer(role_ptr, role.body, inline), "policy"),
                       f"aws_iam_role.{role_name} inline_policy #{i + 1}")
    arns = role.body.attr("managed_policy_arns")
    if isinstance(arns, hcl.Tup):
        for i, item in enumerate(arns.items):
            attach_arn(rmodel, item, join(role_ptr, "managed_policy_arns", i), f"aws_iam_role.{role_name}")
    elif arns is not None:
        note(f"the managed_policy_arns of aws_iam_role.{role_name} are computed, so the policies they attach are not "
             "checked", rmodel, join(role_ptr, "managed_policy_arns"))
    for pmodel, block in module.all("resource", "aws_iam_role_policy"):
        if _names_role(block.body.attr("role"), role_name, role_literal) and block.body.attr("policy") is not None:
            add_policy(pmodel, block.body.attr("policy"), join(block_pointer(block), "policy"),
                       f"aws_iam_role_policy.{block.labels[1]}")
    for amodel, block in module.all("resource", "aws_iam_role_policy_attachment"):
        if _names_role(block.body.attr("role"), role_name, role_literal) and block.body.attr("policy_arn") is not None:
            attach_arn(amodel, block.body.attr("policy_arn"), join(block_pointer(block), "policy_arn"),
                       f"aws_iam_role_policy_attachment.{block.labels[1]}")
    for amodel, block in module.all("resource", "aws_iam_policy_attachment"):
        roles = block.body.attr("roles")
        if isinstance(roles, hcl.Tup) and any(_names_role(r, role_name, role_literal) for r in roles.items) \
                and block.body.attr("policy_arn") is not None:
            attach_arn(amodel, block.body.attr("policy_arn"), join(block_pointer(block), "policy_arn"),
                       f"aws_iam_policy_attachment.{block.labels[1]}")
    for doc in docs:
        if doc.context.get("incomplete"):
            note(f"{doc.context.get('template_resource', 'a policy')} merges other policy documents or uses dynamic "
                 "blocks, which aslint does not expand; permissions they grant are not checked", None,
                 getattr(doc, "origin_pointer", base))
    context["role_policies"] = docs
    context["role_policies_complete"] = not notes
    return context


def file_policies(model, policies: Policies) -> list:
    """The permission policies written in this file (for the policy rules, where they stand)."""
    out: list = []

    def take(node, pointer, owner):
        doc, _ = policies.of(model, node, pointer, owner)
        if doc is not None and doc.root().path == model.path and doc not in out:
            out.append(doc)

    for block in model.resources("aws_iam_role_policy"):
        if block.body.attr("policy") is not None:
            take(block.body.attr("policy"), join(block_pointer(block), "policy"), f"aws_iam_role_policy.{block.labels[1]}")
    for block in model.resources("aws_iam_policy"):
        if block.body.attr("policy") is not None:
            take(block.body.attr("policy"), join(block_pointer(block), "policy"), f"aws_iam_policy.{block.labels[1]}")
    for block in model.resources("aws_iam_role"):
        for inline in block.body.blocks_of("inline_policy"):
            if inline.body.attr("policy") is not None:
                take(inline.body.attr("policy"), join(block_child_pointer(block_pointer(block), block.body, inline), "policy"),
                     f"aws_iam_role.{block.labels[1]}")
    return out
