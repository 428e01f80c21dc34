from __future__ import annotations

from aslint.checks.tpl import TemplateProblemRule


class DefinitionNotLocal(TemplateProblemRule):
    code = "TPL001"
