"""The engine: a crashing rule becomes a diagnostic, the other rules still run; states are named."""

import pytest

from aslint.core.engine import RuleSet, lint_file
from aslint.core.settings import Settings

DUP = b'{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "A": {"Type": "Succeed"}}}'


class _Broken:
    code = "ZZZ999"
    kinds = ("asl",)
    scope = "document"
    options = {}

    def check(self, ctx):
        yield from ()
        raise KeyError("boom")


@pytest.mark.internal_error
def test_internal_error_is_reported_and_the_run_goes_on():
    ruleset = RuleSet(Settings())
    ruleset.by_kind.setdefault("asl", []).insert(0, _Broken())
    result = lint_file("d.asl.json", ruleset, data=DUP, display="d.asl.json")
    codes = [d.code for d in result.diagnostics]
    assert "ASL002" in codes  # the core check still ran
    internal = [d for d in result.diagnostics if d.code == "ASL000"]
    assert len(internal) == 1 and "rule ZZZ999" in internal[0].message and "KeyError" in internal[0].message


def test_state_of_a_nested_finding_is_the_innermost_state():
    text = b'''{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
      {"StartAt": "In", "States": {"In": {"Type": "Succeed"}, "In": {"Type": "Succeed"}}}]}}}'''
    result = lint_file("n.asl.json", RuleSet(Settings(select=["ASL002"])), data=text, display="n.asl.json")
    (d,) = result.diagnostics
    assert d.state == "In" and d.pointer == "/States/P/Branches/0/States/In" and d.line == 2
