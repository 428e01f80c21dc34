"""TPL007 (DefinitionSubstitutions not a mapping) and TPL008 (a Task Resource that is no ARN after substitution)."""

from __future__ import annotations

import pytest

from tests.templates.tpl_helpers import lint

TEMPLATE = """\
Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/sfn
      DefinitionSubstitutions: {subs}
      Definition:
        StartAt: Call
        States:
          Call: {{Type: Task, Resource: "{resource}", End: true}}
"""
GOOD_SUBS = "{FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:f'}"


def _found(code, **kw):
    text = TEMPLATE.format(**{"subs": GOOD_SUBS, "resource": "${FunctionArn}", **kw})
    return [(d.line, d.severity) for d in lint(text) if d.code == code]


@pytest.mark.parametrize("subs", ["'FunctionArn=arn:aws:lambda:us-east-1:111122223333:function:f'", "[a, b]", "3"])
def test_tpl007_substitutions_not_a_mapping(subs):
    assert _found("TPL007", subs=subs) == [(6, "error")]


def test_tpl007_mapping_and_conditional_mapping_pass():
    assert _found("TPL007") == []
    assert _found("TPL007", subs="!If [Prod, {A: b}, {A: c}]") == []


@pytest.mark.parametrize("resource", ["${FuncitonArn}", "someresource"])
def test_tpl008_resource_not_an_arn_after_substitution(resource):
    assert _found("TPL008", resource=resource) == [(10, "error")]


@pytest.mark.parametrize("resource", ["${FunctionArn}", "arn:aws:states:::lambda:invoke", "arn:${AWS::Partition}:states:::sns:publish"])
def test_tpl008_arn_after_substitution_passes(resource):
    assert _found("TPL008", resource=resource) == []


def test_tpl008_substituted_to_a_plain_word():
    assert _found("TPL008", subs="{FunctionArn: test}") == [(10, "error")]


def test_tpl008_placeholder_aslint_writes_for_a_ref_is_not_reported():
    assert _found("TPL008", subs="{FunctionArn: !GetAtt Fn.Arn}") == []
