"""Severity has one source: the rule's doc (which may declare more than one level), then the
configuration, which always wins."""

import re
import sys
from pathlib import Path

import pytest

from aslint.catalog import ruledocs
from aslint.core.engine import RuleSet
from aslint.core.rule import load_builtin_rules
from aslint.core.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from test_rule_docs import EXAMPLE_CODES, _lint_example  # noqa: E402

CATALOG = ruledocs.catalog()
LEVELS = ("error", "warning", "info")


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_declared_levels_are_levels(code):
    doc = CATALOG[code]
    assert doc.severities[0] == doc.severity
    assert set(doc.severities) <= set(LEVELS) and len(set(doc.severities)) == len(doc.severities)


def test_every_level_a_rule_module_names_is_declared_in_its_doc():
    """A level written in a rule's module (``severity="warning"``) must be one its doc declares."""
    undeclared = []
    for code, cls in load_builtin_rules().items():
        source = Path(sys.modules[cls.__module__].__file__).read_text(encoding="utf-8")
        for line in source.splitlines():
            if "severity" in line:
                for level in re.findall(r"[\"'](error|warning|info)[\"']", line):
                    if level not in CATALOG[code].severities:
                        undeclared.append(f"{code}: {level}")
    assert not undeclared


def test_doc_examples_report_only_declared_levels():
    undeclared = set()
    for code in EXAMPLE_CODES:
        for blocks in CATALOG[code].examples():
            if blocks:
                for d in _lint_example(code, blocks):
                    if d.severity not in CATALOG[d.code].severities:
                        undeclared.add(f"{d.code}: {d.severity}")
    assert not undeclared


@pytest.mark.parametrize("level", LEVELS)
def test_configured_severity_wins_for_every_code(level):
    """Every code set to one level: every finding of every doc example has that level, including
    those whose rule states another level for that finding (ASL106's one-year Wait, IAM040, ...)."""
    ruleset = RuleSet(Settings(severity={code: level for code in CATALOG}))
    seen, wrong = set(), []
    for code in EXAMPLE_CODES:
        for blocks in CATALOG[code].examples():
            if not blocks:
                continue
            for d in _lint_example(code, blocks, ruleset=ruleset):
                seen.add(d.code)
                if d.severity != level:
                    wrong.append(f"{d.code}: {d.severity}")
    assert not wrong
    assert set(EXAMPLE_CODES) <= seen


def test_configured_severity_wins_over_a_rule_stated_level():
    text = '{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 40000000, "End": true}}}'
    from aslint.api import lint_text

    (default,) = [d for d in lint_text(text, "w.asl.json") if d.code == "ASL106"]
    assert default.severity == "warning"  # the rule states warning for a Wait over a year
    (configured,) = [d for d in lint_text(text, "w.asl.json", settings=Settings(severity={"ASL106": "error"}))
                     if d.code == "ASL106"]
    assert configured.severity == "error"
