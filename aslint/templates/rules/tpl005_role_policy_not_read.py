from __future__ import annotations

from aslint.templates.rules import TemplateProblemRule


class RolePolicyNotRead(TemplateProblemRule):
    code = "TPL005"
