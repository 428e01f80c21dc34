from __future__ import annotations

from aslint.templates.rules import TemplateProblemRule


class IncompleteDefinition(TemplateProblemRule):
    code = "TPL004"
