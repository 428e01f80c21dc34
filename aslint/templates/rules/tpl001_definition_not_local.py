from __future__ import annotations

from aslint.templates.rules import TemplateProblemRule


class DefinitionNotLocal(TemplateProblemRule):
    code = "TPL001"
