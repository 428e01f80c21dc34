from __future__ import annotations

from aslint.templates.rules import TemplateProblemRule


class DefinitionUriMissing(TemplateProblemRule):
    code = "TPL002"
