from __future__ import annotations

from aslint.checks.tpl import TemplateProblemRule


class DefinitionStringInvalid(TemplateProblemRule):
    code = "TPL003"
