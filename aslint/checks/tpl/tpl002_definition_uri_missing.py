from __future__ import annotations

from aslint.checks.tpl import TemplateProblemRule


class DefinitionUriMissing(TemplateProblemRule):
    code = "TPL002"
