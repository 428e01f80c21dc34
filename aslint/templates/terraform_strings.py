"""Strings of a Terraform source parsed as documents: a heredoc or quoted JSON string with
``${…}`` interpolations, and the files ``file()`` and ``templatefile()`` read (relative to the
module's folder). Every literal character keeps its offset in the file it was written in; an
interpolation is an unknown value (``${…}`` text), never an error. Nothing is evaluated.
"""

from __future__ import annotations

import os
import re

from aslint.core.document import Document
from aslint.core.positions import Span
from aslint.templates import hcl
from aslint.templates.common import parse_string
from aslint.templates.substitution import Piece, offset_map, quote_bare_unknowns

_NAME = re.compile(r"^\$\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}$")
_MODULE_PATH = ("path.module", "path.root", "path.cwd")


class Unreadable(Exception):
    """Why a string or file cannot be linted (a directive, an unknown path, a missing file)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def pieces(tpl: hcl.Tpl, variables: dict | None = None) -> list:
    """The template's text as substitution pieces: literal runs placed exactly, interpolations
    unknown unless ``variables`` (a templatefile's literal vars) gives their text."""
    out = []
    for part in tpl.parts:
        if isinstance(part, hcl.Run):
            if part.text:
                out.append(Piece(part.text, part.offsets, (part.offsets[0], part.offsets[-1])))
            continue
        m = _NAME.match(part.text)
        if variables and m and variables.get(m.group(1)) is not None:
            out.append(Piece(variables[m.group(1)], None, tuple(part.span)))
        else:
            out.append(Piece(part.text, None, tuple(part.span), unknown=True))
    return out


def documents(host: Document, pointer: str, tpl: hcl.Tpl, context: dict, fmt: str = "json",
              variables: dict | None = None):
    """(documents, error message or None) of a template string whose characters sit in ``host``."""
    if tpl.directive:
        raise Unreadable("TPL001", "it uses template directives (%{…}), which aslint does not evaluate, so it is not linted")
    parts = pieces(tpl, variables)
    text = "".join(p.text for p in parts)
    if fmt == "json" and text.lstrip()[:1] in ("{", "["):
        parts = quote_bare_unknowns(parts)
    omap = offset_map(parts)
    return parse_string(host, pointer, omap.text, omap, dict(context), fmt=fmt)


def file_host(path: str, text: str) -> Document:
    """A document standing for a file read by ``file()``/``templatefile()``: findings go there."""
    return Document(path, text, "json", None, spans={"": Span((0, len(text)))}, duplicates=[])


def module_path(model_path: str, node) -> str:
    """The file a ``file()``/``templatefile()`` path names, relative to the module's folder."""
    if not isinstance(node, hcl.Tpl) or node.directive:
        raise Unreadable("TPL001", "its file name is not known until Terraform runs, so it is not linted")
    rel = ""
    for i, part in enumerate(node.parts):
        if isinstance(part, hcl.Run):
            rel += part.text
        elif i == 0 and isinstance(part.node, hcl.Ref) and part.node.text in _MODULE_PATH:
            rel += "."
        else:
            raise Unreadable("TPL001", f"its file name uses {hcl.source_text(part.text, (0, len(part.text)))}, "
                                       "which is not known until Terraform runs, so it is not linted")
    if model_path in ("", "-"):
        raise Unreadable("TPL001", "it reads a file relative to a module, and standard input has no folder")
    folder = os.path.dirname(os.path.abspath(model_path))
    return os.path.normpath(os.path.join(folder, rel))


def read_file(path: str, shown: str, function: str):
    """(text) of a file a function reads; raises Unreadable for a missing or unreadable one."""
    from aslint.core.loader import read_text
    from aslint.core.workspace import current

    if not current().is_file(path):
        raise Unreadable("TPL002", f"{function}() names {shown}, which does not exist (looked for {path}); "
                                   "`terraform plan` fails")
    text, problem = read_text(path)
    if problem is not None:
        raise Unreadable("TPL003", f"{function}() names {shown}, which cannot be read: {problem.message}")
    return text


def literal_vars(node) -> dict | None:
    """A templatefile's vars object: name -> text for the literal values (unknown ones are absent)."""
    if not isinstance(node, hcl.Obj):
        return None
    out = {}
    for key, _, value in node.items:
        if isinstance(value, hcl.Tpl) and value.literal:
            out[key] = value.text
        elif isinstance(value, hcl.Lit) and value.value is not None:
            v = value.value
            out[key] = "true" if v is True else "false" if v is False else str(v)
    return out


def file_documents(model_path: str, call: hcl.Call, context: dict, fmt: str = "json"):
    """(documents, error) of ``file(path)`` or ``templatefile(path, vars)``; raises Unreadable."""
    if not call.args:
        raise Unreadable("TPL001", f"{call.name}() without a path is not linted")
    path = module_path(model_path, call.args[0])
    shown = os.path.relpath(path, os.path.dirname(os.path.abspath(model_path)))
    text = read_file(path, shown, call.name)
    host = file_host(path, text)
    if call.name == "file":
        tpl = hcl.Tpl((0, len(text)), [hcl.Run(text, list(range(len(text) + 1)))])
        return documents(host, "", tpl, dict(context, definition_file=shown), fmt)
    variables = literal_vars(call.args[1]) if len(call.args) > 1 else None
    tpl = hcl.template(text, 0, len(text))
    return documents(host, "", tpl, dict(context, definition_file=shown), fmt, variables)
