"""ASL002 says what a repeated key really does in each format."""

from aslint.api import lint_text


def _dups(text, name):
    return [d for d in lint_text(text, name, select=["ASL002"]) if d.code == "ASL002"]


def test_json_duplicate_state_name_is_rejected_by_aws():
    text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "A": {"Type": "Succeed"}}}'
    [d] = _dups(text, "m.asl.json")
    assert "DUPLICATE_STATE_NAME" in d.message and "JSON parsers" not in d.message and d.hint and d.severity == "error"


def test_json_duplicate_field_with_equal_values_is_not_said_to_lose_anything():
    text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "End": true}}}'
    [d] = _dups(text, "m.asl.json")
    assert "same value" in d.message and "lost" not in d.message and d.severity == "warning"


def test_json_duplicate_field_with_different_values():
    text = '{"StartAt": "A", "Comment": "one", "Comment": "two", "States": {"A": {"Type": "Succeed"}}}'
    [d] = _dups(text, "m.asl.json")
    assert "last value" in d.message and d.severity == "error"


def test_yaml_duplicate_says_yaml_not_json():
    text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    End: true\n"
    [d] = _dups(text, "m.asl.yaml")
    assert "YAML" in d.message and "JSON" not in d.message and d.severity == "warning"


def test_no_duplicate_no_finding():
    assert not _dups('{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}', "m.asl.json")


def test_configured_severity_wins_over_a_findings_own_level():
    from aslint.core.settings import Settings

    text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    End: true\n"
    settings = Settings(select=["ASL002"])
    assert [d.severity for d in lint_text(text, "m.asl.yaml", settings=settings)] == ["warning"]
    settings.severity = {"ASL002": "error"}
    assert [d.severity for d in lint_text(text, "m.asl.yaml", settings=settings)] == ["error"]
