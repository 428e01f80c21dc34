"""Findings inside templates land in the host file; analysis stays fast on large definitions; fuzzing never crashes."""

from __future__ import annotations

import json
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.asl_structure.helpers import found, lint

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/sfn
      Definition:
        StartAt: First
        States:
          First:
            Type: Pass
            Nxet: Done
          Done:
            Type: Succeed
"""


def test_finding_in_a_cloudformation_template_points_into_the_template():
    diags = found(TEMPLATE, "ASL101", filename="template.yaml")
    assert len(diags) == 1 and diags[0].line == 12 and "did you mean 'Next'" in diags[0].message
    # the misspelt Next is followed, so 'Done' is not also reported as unreachable
    assert not found(TEMPLATE, "ASL203", filename="template.yaml")


def test_large_definition_is_linear_enough():
    n = 3000
    states = {}
    for i in range(n):
        states[f"S{i}"] = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
                           "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 2}],
                           "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}], "Next": f"S{i + 1}"}
    states[f"S{n}"] = {"Type": "Succeed"}
    states["Failed"] = {"Type": "Fail", "Error": "E"}
    start = time.perf_counter()
    diags = lint(json.dumps({"StartAt": "S0", "States": states}, separators=(",", ":")))
    elapsed = time.perf_counter() - start
    assert not [d for d in diags if d.severity == "error"], [d.message for d in diags[:3]]
    assert elapsed < 20, elapsed


_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**9), st.floats(allow_nan=False), st.sampled_from(
    ["Task", "Pass", "Choice", "Wait", "Map", "Parallel", "Succeed", "Fail", "States.ALL", "$.x", "A", "B", "{% 1 %}", ""]))
_keys = st.sampled_from(["Type", "Next", "End", "Choices", "Default", "Branches", "ItemProcessor", "Iterator", "Retry", "Catch",
                         "ErrorEquals", "Variable", "And", "Or", "Not", "StringEquals", "Seconds", "Timestamp", "StartAt",
                         "States", "Resource", "TimeoutSeconds", "HeartbeatSeconds", "Credentials", "ProcessorConfig", "Mode", "A", "B"])
_json = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=6)), max_leaves=30)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["A", "B", "C"]), _json, max_size=3), _json)
def test_fuzzed_definitions_never_crash(states, extra):
    defn = {"StartAt": "A", "States": states, "Comment": extra if isinstance(extra, str) else "x"}
    text = json.dumps(defn)
    assert not [d for d in lint(text) if d.code == "ASL000"]
