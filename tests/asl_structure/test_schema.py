"""schemas/asl/state-machine.json: up to date, a valid Draft 2020-12 schema, and in line with the rules."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.asl_structure import build_schema
from tests.asl_structure.helpers import machine, task


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(build_schema.OUT.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_generated_schema_is_up_to_date():
    assert build_schema.OUT.read_text(encoding="utf-8") == build_schema.render(), \
        "run: python3 -m tests.asl_structure.build_schema"


GOOD = [
    machine({"A": task(Next="B", End=None), "B": {"Type": "Succeed"}}),
    machine({"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"x": "{% 1 %}"},
                   "TimeoutSeconds": "{% $t %}", "Catch": [{"ErrorEquals": ["States.ALL"], "Output": {}, "Next": "F"}], "End": True},
             "F": {"Type": "Fail"}}, QueryLanguage="JSONata"),
    machine({"C": {"Type": "Choice", "Choices": [{"Not": {"Variable": "$.a", "IsNull": True}, "Next": "D"}], "Default": "D"},
             "D": {"Type": "Succeed"}}),
    machine({"M": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                                                    "StartAt": "I", "States": {"I": {"Type": "Succeed"}}}, "End": True}}),
    machine({"W": {"Type": "Wait", "Timestamp": "2026-01-01T00:00:00Z", "End": True}}),
]
BAD = [
    machine({"A": {"Type": "Pass", "Nxet": "B"}, "B": {"Type": "Succeed"}}),                       # ASL101
    machine({"A": {"Type": "Pass", "Retry": [], "End": True}}),                                     # ASL102
    machine({"A": task(QueryLanguage="JSONata")}),                                                  # ASL103
    machine({"A": {"Type": "Task", "End": True}}),                                                  # ASL104
    machine({"A": task(TimeoutSeconds="60")}),                                                      # ASL105
    machine({"A": task(Retry=[{"ErrorEquals": ["X"], "BackoffRate": 0.5}])}),                       # ASL106
    machine({"A": task(Retry=[{"ErrorEquals": ["X"], "JitterStrategy": "full"}])}),                 # ASL107
    machine({"W": {"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": True}}),              # ASL108
    machine({"A": task(TimeoutSeconds=5, TimeoutSecondsPath="$.t")}),                               # ASL109
    machine({"W": {"Type": "Wait", "Timestamp": "2026-01-01", "End": True}}),                       # ASL111
    machine({"A": {"Type": "Pass", "Next": "B", "End": True}, "B": {"Type": "Succeed"}}),           # ASL202
    machine({"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsNull": True}]}}),          # ASL212
    machine({"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "NumericEquals": "1", "Next": "C"}]}}),  # ASL211
]


@pytest.mark.parametrize("defn", GOOD)
def test_schema_accepts_valid_definitions(validator, defn):
    for state in defn["States"].values():
        state.pop("End", None) if state.get("End") is None and "Next" in state else None
    assert not list(validator.iter_errors(defn))


@pytest.mark.parametrize("defn", BAD)
def test_schema_rejects_what_the_rules_reject(validator, defn):
    assert list(validator.iter_errors(defn))
