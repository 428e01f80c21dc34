from __future__ import annotations

from aslint.templates.rules import TemplateProblemRule


class DefinitionSubstitutionsNotAMapping(TemplateProblemRule):
    """``DefinitionSubstitutions`` that is a string, a list or a number (CloudFormation's schema
    takes a mapping of names to values, so the stack update fails)."""

    code = "TPL007"
