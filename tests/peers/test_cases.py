"""The peer-comparison cases: every broken case raises its expected code, every valid case is clean.

Only aslint runs here; the peers (asl-validator, statelint, cfn-lint) are run by
benchmarks/peers/compare.py. Cases whose expected code belongs to part A of the ASL family
(structure, graph, Choice, Retry/Catch, …) are skipped with a clear reason while that code is
not implemented yet.
"""

import json
from pathlib import Path

import pytest

from aslint.api import lint_text
from aslint.core.engine import CORE_CODES, RuleSet
from aslint.core.settings import Settings

CASES_DIR = Path(__file__).parent / "cases"
CASES = json.loads((CASES_DIR / "cases.json").read_text(encoding="utf-8"))
RULESET = RuleSet(Settings())
BROKEN = [c for c in CASES if c["expect"]]
VALID = [c for c in CASES if not c["expect"]]


def _lint(case):
    return lint_text((CASES_DIR / case["file"]).read_text(encoding="utf-8"), case["file"], ruleset=RULESET)


def test_enough_distinct_cases():
    assert len(BROKEN) >= 40
    assert len({c["mistake"] for c in BROKEN}) == len(BROKEN)
    assert VALID
    files = {p.name for p in CASES_DIR.glob("*.asl.json")}
    assert files == {c["file"] for c in CASES}, "every case file is listed in cases.json and vice versa"


@pytest.mark.parametrize("case", BROKEN, ids=[c["file"] for c in BROKEN])
def test_broken_case_is_caught(case):
    prefix = case["expect"]
    implemented = set(RULESET.all_rules) | set(CORE_CODES)
    if not any(code.startswith(prefix) for code in implemented):
        pytest.skip(f"depends on part-{case['part']} code {prefix}, which is not implemented yet")
    found = [(d.code, d.severity) for d in _lint(case)]
    hits = [code for code, severity in found if code.startswith(prefix) and severity in ("error", "warning")]
    assert hits, f"{case['file']} ({case['mistake']}): expected {prefix}…, got {found}"


@pytest.mark.parametrize("case", VALID, ids=[c["file"] for c in VALID])
def test_valid_case_has_no_asl_findings(case):
    found = [(d.code, d.severity, d.message) for d in _lint(case)
             if d.code.startswith("ASL") and d.severity in ("error", "warning")]
    assert found == []
