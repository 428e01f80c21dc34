"""Suppressions are checked too: a code that silenced nothing (ASL004, info) and a code no rule
has (ASL005, with a did-you-mean) are reported; a used suppression is not."""

import json

from aslint.api import lint_text
from aslint.core.settings import Settings


def _definition(comment_top=None, comment_state=None, next_state="Missing"):
    state = {"Type": "Pass", "Next": next_state}
    if comment_state is not None:
        state["Comment"] = comment_state
    d = {"StartAt": "A", "States": {"A": state, "Missing": {"Type": "Succeed"}}}
    if comment_top is not None:
        d["Comment"] = comment_top
    return json.dumps(d, indent=2)


def _by_code(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def test_unused_code_is_reported_as_info_at_the_comment():
    found = lint_text(_definition(comment_state="aslint: ignore[ASL201]"))
    (d,) = _by_code(found, "ASL004")
    assert d.severity == "info" and d.pointer == "/States/A/Comment"
    assert "ASL201" in d.message and d.hint == "Remove ASL201 from the directive"


def test_used_suppression_is_not_reported():
    text = _definition(comment_state="aslint: ignore[ASL201]", next_state="Nowhere")
    found = lint_text(text)
    assert not _by_code(found, "ASL201") and not _by_code(found, "ASL004")
    # and without the directive, the finding is there (the directive did silence it)
    assert _by_code(lint_text(_definition(next_state="Nowhere")), "ASL201")


def test_unused_blanket_and_top_level_directives():
    found = lint_text(_definition(comment_top="aslint: ignore"))
    (d,) = _by_code(found, "ASL004")
    assert d.pointer == "/Comment" and "in this file" in d.message


def test_unknown_code_gets_a_did_you_mean():
    found = lint_text(_definition(comment_state="aslint: ignore[ASL2O1]"))
    (d,) = _by_code(found, "ASL005")
    assert d.severity == "warning" and "'ASL2O1'" in d.message
    assert d.hint == "Did you mean 'ASL201'?"
    assert not _by_code(found, "ASL004")  # an unknown code is not also "unused"


def test_codes_that_did_not_run_are_not_judged():
    text = _definition(comment_state="aslint: ignore[LCY001]")
    assert not _by_code(lint_text(text, select=["ASL"]), "ASL004")


def test_the_reports_can_be_turned_off_like_any_code():
    text = _definition(comment_state="aslint: ignore[ASL201]")
    assert not _by_code(lint_text(text, ignore=["ASL004"]), "ASL004")


def test_custom_rule_codes_are_known(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - code: ORG001\n    summary: x\n    message: m\n"
                     "    check: {given: states, then: {field: Nowhere, function: undefined}}\n")
    settings = Settings(extra_rules=[str(rules)])
    found = lint_text(_definition(comment_state="aslint: ignore[ORG001]"), settings=settings)
    assert not _by_code(found, "ASL005")
    assert _by_code(found, "ASL004")  # ORG001 ran and found nothing to silence


def test_suppressions_in_a_definition_embedded_in_a_template():
    definition = json.loads(_definition(comment_state="aslint: ignore[ASL201]", next_state="Nowhere"))
    template = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Machine": {
        "Type": "AWS::StepFunctions::StateMachine",
        "Properties": {"RoleArn": "arn:aws:iam::111122223333:role/r", "Definition": definition}}}}, indent=2)
    found = lint_text(template, "template.json")
    assert not _by_code(found, "ASL201") and not _by_code(found, "ASL004")
    definition["States"]["A"]["Next"] = "Missing"
    template = template.replace('"Nowhere"', '"Missing"')
    (d,) = _by_code(lint_text(template, "template.json"), "ASL004")
    assert d.file == "template.json" and d.pointer.endswith("/States/A/Comment")
