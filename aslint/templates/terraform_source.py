"""Terraform sources (``.tf``, and ``.tf.json`` in Terraform's JSON syntax): every ``aws_sfn_state_machine`` of the file, linted where it is written.

``definition`` may be ``jsonencode({...})`` (the HCL object is the definition: exact positions of
its keys and values), a heredoc or quoted JSON string (positions inside it; ``${…}`` is an unknown
value), ``file(path)`` or ``templatefile(path, vars)`` relative to the module's folder (that file
is linted, its findings reported in it), or any of these through ``local.x``. Anything else
(``var.x``, a module output, a conditional) cannot be known without running Terraform: TPL001
(info), never an error. The role and its policies come from :mod:`aslint.templates.terraform_iam`.

A file without a state machine is not for aslint (skipped silently) unless it holds IAM policies
and its folder (the module) has a state machine: then those policies are linted where they stand.
Parsing needs the optional extra ``aslint[terraform]`` (python-hcl2).
"""

from __future__ import annotations

from aslint.core import kinds, lazyre
from aslint.core.loader import Problem
from aslint.core.pointer import join
from aslint.templates.common import analysed, incomplete_reason, is_definition

# the HCL reader and the Terraform model are imported when a .tf file is read (not by every run)

KIND = "terraform"
MACHINE = "aws_sfn_state_machine"
MODEL = "tf.model"
EXTRA = "pip install 'aslint[terraform]'"
_MACHINE_BLOCK = lazyre.compile(r'resource\s+"?aws_sfn_state_machine"?\s')
_MACHINE_JSON = lazyre.compile(r'"aws_sfn_state_machine"\s*:')


def load_source(path: str, text: str):
    """The loader's reader for ``.tf`` and ``.tf.json`` files: (documents, Problem or None)."""
    from aslint.templates import hcl
    from aslint.templates.terraform_model import TooLarge, mentions, module_files, parse_file

    json_syntax = path.lower().endswith(".tf.json")
    machine = MACHINE in text and bool(_MACHINE_JSON.search(text) if json_syntax else _MACHINE_BLOCK.search(text))
    if not machine:
        if "aws_iam_" not in text or not any(mentions(p, (MACHINE,)) for p in module_files(path)):
            return [], None  # not for aslint: skipped like any unrelated file
    try:
        model = parse_file(path, text)
    except TooLarge as err:
        return [], Problem("ASL003", str(err), certain=True)
    except hcl.MissingParser:
        return [], Problem("ASL003", f"is a Terraform source, and reading HCL needs the optional parser: {EXTRA}",
                           certain=True)
    except hcl.HclError as err:
        message = err.message if json_syntax else f"invalid HCL: {err.message}"
        return [], Problem("ASL001", message, err.offset, certain=True)
    doc = model.document
    doc.kind = KIND
    doc.cache[MODEL] = model
    return [doc], None


kinds.FILE_PARSERS.append((".tf", load_source))
kinds.FILE_PARSERS.append((".tf.json", load_source))


@kinds.extractor(KIND)
@analysed
def extract(doc, result) -> None:
    from aslint.templates.terraform_iam import Policies, file_policies
    from aslint.templates.terraform_model import Module

    model = doc.cache.get(MODEL)
    if model is None:
        return
    module = Module(model)
    policies = Policies(module, result)
    for block in model.resources(MACHINE):
        _machine(module, model, block, policies, result)
    for pdoc in file_policies(model, policies):
        result.documents.append(pdoc)


def _machine(module, model, block, policies, result) -> None:
    from aslint.templates.terraform_iam import role_context
    from aslint.templates.terraform_model import block_pointer

    label = f"{MACHINE}.{block.labels[1]}"
    base = block_pointer(block)
    context = {"template_resource": label, "template_format": "terraform", "substituted": True}
    context.update(role_context(module, model, block, policies, result))
    attr = block.body.attrs.get("definition")
    found: list = []
    if attr is None:
        result.add("TPL004", base, f"{label} has no definition, which the resource requires", "key", hint="Add one")
    else:
        dmodel, node, pointer = module.resolve(model, attr.value, join(base, "definition"))
        found = _definitions(module, dmodel, node, pointer, label, context, result, model)
    result.machines.append((label, base, found))
    result.documents.extend(found)


def _problem(result, model, dmodel, pointer, code, message):
    result.add(code, pointer, message, document=dmodel.document if dmodel is not model else None)


def _definitions(module, dmodel, node, pointer, label, context, result, model) -> list:
    from aslint.templates import hcl
    from aslint.templates import terraform_strings as strings
    from aslint.templates.terraform_iam import object_document

    fmt = "json"
    if isinstance(node, hcl.Call) and node.name == "jsonencode" and len(node.args) == 1:
        amodel, arg, apointer = module.resolve(dmodel, node.args[0], pointer)
        if isinstance(arg, hcl.Obj):
            doc = object_document(amodel, arg, apointer, dict(context))
            return _keep(result, model, amodel, apointer, label, [doc])
        if isinstance(arg, hcl.Call) and arg.name in ("yamldecode", "jsondecode") and len(arg.args) == 1:
            fmt = "yaml" if arg.name == "yamldecode" else "json"
            dmodel, node, pointer = module.resolve(amodel, arg.args[0], apointer)
        else:
            dmodel, node, pointer = amodel, arg, apointer
    try:
        if isinstance(node, hcl.Tpl):
            docs, error = strings.documents(dmodel.document, pointer, node, dict(context), fmt)
        elif isinstance(node, hcl.Call) and node.name in ("file", "templatefile"):
            docs, error = strings.file_documents(dmodel.path, node, dict(context), fmt)
        else:
            text = hcl.source_text(dmodel.text, node.span)
            _problem(result, model, dmodel, pointer, "TPL001",
                     f"{label}: the definition is {text}, which is known only when Terraform runs (a variable, a module "
                     "output or a computed value), so it is not linted")
            return []
    except strings.Unreadable as err:
        _problem(result, model, dmodel, pointer, err.code, f"{label}: the definition {err.message}"
                 if not err.message.startswith(("file", "templatefile")) else f"{label}: {err.message}")
        return []
    if error is not None:
        _problem(result, model, dmodel, pointer, "TPL003", f"{label}: the definition is not valid {fmt.upper()}: {error}")
        return []
    return _keep(result, model, dmodel, pointer, label, docs)


def _keep(result, model, dmodel, pointer, label, docs) -> list:
    out = []
    for ddoc in docs:
        if is_definition(ddoc.data):
            ddoc.kind = "asl"
            out.append(ddoc)
        else:
            _problem(result, model, dmodel, pointer, "TPL004", f"{label}: {incomplete_reason(ddoc.data)}, so it cannot run")
    return out
