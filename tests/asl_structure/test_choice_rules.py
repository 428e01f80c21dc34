"""ASL210-ASL214: Choice rules."""

from __future__ import annotations

from tests.asl_structure.helpers import found, machine


def _choice(*rules, ql=None):
    state = {"Type": "Choice", "Choices": list(rules), "Default": "B"}
    top = {"QueryLanguage": ql} if ql else {}
    return machine({"A": state, "B": {"Type": "Succeed"}}, **top)


def test_asl210_operator_count():
    two = found(_choice({"Variable": "$.n", "NumericGreaterThan": 1, "NumericLessThan": 9, "Next": "B"}), "ASL210")
    assert len(two) == 1 and "2 operators" in two[0].message and two[0].pointer == "/States/A/Choices/0/NumericLessThan"
    none = found(_choice({"Variable": "$.n", "Next": "B"}), "ASL210")
    assert len(none) == 1 and "no comparison operator" in none[0].message
    nested = found(_choice({"And": [{"Variable": "$.a", "IsPresent": True, "StringEquals": "x"}], "Next": "B"}), "ASL210")
    assert [d.pointer for d in nested] == ["/States/A/Choices/0/And/0/StringEquals"]
    assert not found(_choice({"Variable": "$.n", "NumericGreaterThanPath": "$.m", "Next": "B"}), "ASL210")


def test_asl211_value_types():
    cases = [("NumericEquals", "5"), ("BooleanEquals", "true"), ("IsPresent", 1), ("TimestampEquals", "2026-01-01"),
             ("StringEquals", 5), ("NumericEqualsPath", 3)]
    for op, value in cases:
        diags = found(_choice({"Variable": "$.v", op: value, "Next": "B"}), "ASL211")
        assert len(diags) == 1 and diags[0].pointer == f"/States/A/Choices/0/{op}", (op, value)
    assert "without quotes" in found(_choice({"Variable": "$.v", "BooleanEquals": "true", "Next": "B"}), "ASL211")[0].hint
    for op, value in [("NumericEquals", 5.5), ("BooleanEquals", False), ("TimestampEquals", "2026-01-01T00:00:00Z"), ("IsNull", True)]:
        assert not found(_choice({"Variable": "$.v", op: value, "Next": "B"}), "ASL211"), op


def test_asl212_next_placement():
    missing = found(_choice({"Variable": "$.v", "IsNull": True}), "ASL212")
    assert len(missing) == 1 and missing[0].pointer == "/States/A/Choices/0/Next"
    nested = found(_choice({"Not": {"Variable": "$.v", "IsNull": True, "Next": "B"}, "Next": "B"}), "ASL212")
    assert len(nested) == 1 and nested[0].pointer == "/States/A/Choices/0/Not/Next"
    assert not found(_choice({"Not": {"Variable": "$.v", "IsNull": True}, "Next": "B"}), "ASL212")


def test_asl213_combinator_shapes():
    assert "is empty" in found(_choice({"And": [], "Next": "B"}), "ASL213")[0].message
    assert "not an array" in found(_choice({"Or": {"Variable": "$.v", "IsNull": True}, "Next": "B"}), "ASL213")[0].message
    not_list = found(_choice({"Not": [{"Variable": "$.v", "IsNull": True}], "Next": "B"}), "ASL213")
    assert len(not_list) == 1 and "Not around an And/Or" in not_list[0].hint
    assert found(_choice("rule"), "ASL213")[0].pointer == "/States/A/Choices/0"
    assert not found(_choice({"Or": [{"Variable": "$.v", "IsNull": True}, {"Variable": "$.w", "IsNull": True}], "Next": "B"}), "ASL213")


def test_asl214_query_language_forms():
    jsonata_with_variable = found(_choice({"Variable": "$.v", "IsNull": True, "Next": "B"}, ql="JSONata"), "ASL214")
    assert len(jsonata_with_variable) == 1 and "Condition" in jsonata_with_variable[0].hint
    jsonpath_with_condition = found(_choice({"Condition": "{% true %}", "Next": "B"}), "ASL214")
    assert len(jsonpath_with_condition) == 1 and "QueryLanguage" in jsonpath_with_condition[0].hint
    assert found(_choice({"Next": "B"}, ql="JSONata"), "ASL214")[0].pointer == "/States/A/Choices/0/Condition"
    assert not found(_choice({"Condition": "{% $states.input.v > 1 %}", "Next": "B"}, ql="JSONata"), "ASL214")
