from __future__ import annotations

from aslint.templates.rules import TemplateProblemRule


class DefinitionStringInvalid(TemplateProblemRule):
    code = "TPL003"
