from __future__ import annotations

from aslint.checks.tpl import TemplateProblemRule


class IncompleteDefinition(TemplateProblemRule):
    code = "TPL004"
