"""The machine-applicable fixes of ASL100, ASL105, ASL107 and ASL211."""

from __future__ import annotations

from tests.asl_structure.helpers import found, machine, task


def _edit_text(diag):
    assert diag.fix is not None, diag.message
    (edit,) = diag.fix["edits"]
    return edit["text"]


def test_type_case_is_fixed_and_a_typo_is_not():
    assert _edit_text(found(machine({"A": {"Type": "pass", "End": True}}), "ASL100")[0]) == '"Pass"'
    assert found(machine({"A": {"Type": "Paas", "End": True}}), "ASL100")[0].fix is None


def test_quoted_numbers_are_unquoted():
    assert _edit_text(found(machine({"A": task(TimeoutSeconds="300")}), "ASL105")[0]) == "300"
    assert _edit_text(found(machine({"A": task(Retry=[{"ErrorEquals": ["X"], "BackoffRate": "1.5"}])}), "ASL105")[0]) == "1.5"
    assert found(machine({"A": task(TimeoutSeconds="five")}), "ASL105")[0].fix is None


def test_enum_case_is_fixed():
    diag = found(machine({"A": task(Retry=[{"ErrorEquals": ["X"], "JitterStrategy": "full"}])}), "ASL107")[0]
    assert _edit_text(diag) == '"FULL"'


def test_choice_values_are_unquoted():
    choice = {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": "5", "Next": "B"},
                                            {"Variable": "$.b", "BooleanEquals": "false", "Next": "B"},
                                            {"Variable": "$.s", "NumericEquals": "five", "Next": "B"}], "Default": "B"}
    diags = found(machine({"A": choice, "B": {"Type": "Succeed"}}), "ASL211")
    assert [d.fix["edits"][0]["text"] if d.fix else None for d in diags] == ["5", "false", None]


def test_yaml_fix_keeps_yaml_style():
    text = "StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    TimeoutSeconds: '30'\n    End: true\n"
    diag = found(text, "ASL105", filename="machine.asl.yaml")[0]
    assert _edit_text(diag) == "30" and diag.line == 6
