from __future__ import annotations

from aslint.checks.tpl import TemplateProblemRule


class RolePolicyNotRead(TemplateProblemRule):
    code = "TPL005"
