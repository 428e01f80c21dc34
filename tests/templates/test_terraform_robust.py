"""A Terraform plan broken in odd places (found by fuzzing) is read without an internal error."""

import copy
import json
from pathlib import Path

import pytest

from aslint.core.engine import RuleSet, lint_file
from aslint.core.settings import Settings

PLAN = json.loads((Path(__file__).parent / "fixtures" / "terraform" / "plan.json").read_text())
RULESET = RuleSet(Settings())


def _resources(plan):
    return plan["planned_values"]["root_module"]["resources"]


def _break_values(plan, value):
    for res in _resources(plan):
        res["values"] = value


def _break_addresses(plan, value):
    for res in _resources(plan):
        res["address"] = value


def _break_references(plan, value):
    for res in plan.get("configuration", {}).get("root_module", {}).get("resources", []):
        for expr in (res.get("expressions") or {}).values():
            if isinstance(expr, dict):
                expr["references"] = value


@pytest.mark.parametrize("breaker", [_break_values, _break_addresses, _break_references])
@pytest.mark.parametrize("value", [1, True, "text", [1, 2], None, {"x": 1}])
def test_odd_types_do_not_crash_the_extractor(breaker, value):
    plan = copy.deepcopy(PLAN)
    breaker(plan, value)
    result = lint_file("plan.json", RULESET, explicit=True, data=json.dumps(plan).encode(), display="plan.json")
    assert not [d.message for d in result.diagnostics if d.code == "ASL000"]
