"""Warm re-lints (the editor server) give exactly the findings of a cold lint, after any edit."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aslint.core import warm
from aslint.core.engine import RuleSet, lint_file
from aslint.core.settings import Settings

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.asl.json"))
NESTED = {  # nested machines, both query languages, intrinsics, a Choice
    "StartAt": "Prepare",
    "States": {
        "Prepare": {"Type": "Pass", "Parameters": {"id.$": "States.UUID()", "n.$": "$.count"}, "Next": "Fan out"},
        "Fan out": {"Type": "Parallel", "Next": "Each", "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$.a", "End": True}}},
            {"StartAt": "B", "QueryLanguage": "JSONata", "States": {
                "B": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input.x %}", "End": True}}}]},
        "Each": {"Type": "Map", "ItemsPath": "$.items", "Next": "Decide", "ItemProcessor": {
            "ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Work",
            "States": {"Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                "Parameters": {"FunctionName": "f", "Payload.$": "$"}, "End": True}}}},
        "Decide": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Done"}],
                   "Default": "Done"},
        "Done": {"Type": "Succeed"},
    },
}
RULESET = RuleSet(Settings())


def _states(node, pointer=""):
    """(pointer, state dict) of every state at any depth."""
    if not isinstance(node, dict) or not isinstance(node.get("States"), dict):
        return
    for name, state in node["States"].items():
        yield name, state
        if isinstance(state, dict):
            for branch in state.get("Branches", []) if isinstance(state.get("Branches"), list) else []:
                yield from _states(branch)
            for key in ("ItemProcessor", "Iterator"):
                yield from _states(state.get(key))


VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 100000), st.sampled_from(
    ["pass", "Task", "$.x", "$$.Execution.Id", "{% $states.input %}", "States.Format('{}', $.a)", "",
     "arn:aws:states:::eks:createCluster.sync", "Fail", "Pass", "$..bad"]))
KEYS = st.sampled_from(["Type", "Next", "End", "Parameters", "ResultPath", "InputPath", "Comment", "Resource",
                        "Foo", "TimeoutSeconds", "Arguments", "QueryLanguage", "ItemsPath", "Retry"])


def _lint(path: Path, text: str):
    result = lint_file(str(path), RULESET, explicit=True, data=text.encode(), display=path.name, keep_text=True)
    return sorted((d.code, d.severity, d.line, d.column, d.end_line, d.end_column, d.message, d.pointer) for d in result.diagnostics)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_warm_relint_equals_cold_lint(data, tmp_path):
    source = data.draw(st.sampled_from([*EXAMPLES, None]), label="file")
    original = json.loads(source.read_text(encoding="utf-8")) if source else NESTED
    path = tmp_path / (source.name if source else "nested.asl.json")
    warm.enable()
    try:
        _lint(path, json.dumps(original, indent=2))  # the first (cold) lint of the session
        current = original
        for _ in range(data.draw(st.integers(1, 3), label="edits")):
            edited = copy.deepcopy(current)
            states = list(_states(edited))
            name, state = data.draw(st.sampled_from(states), label="state")
            action = data.draw(st.sampled_from(["set", "delete", "rename-state", "top-level"]), label="action")
            if action == "set" and isinstance(state, dict):
                state[data.draw(KEYS, label="key")] = data.draw(VALUES, label="value")
            elif action == "delete" and isinstance(state, dict) and state:
                state.pop(data.draw(st.sampled_from(sorted(state)), label="field"))
            elif action == "rename-state":
                edited["States"] = {("Renamed" if k == name else k): v for k, v in edited["States"].items()}
            else:
                edited["QueryLanguage"] = data.draw(st.sampled_from(["JSONata", "JSONPath", "bogus"]), label="ql")
            text = json.dumps(edited, indent=data.draw(st.sampled_from([2, 4]), label="indent"))
            warm_result = _lint(path, text)
            with warm.suspended():
                cold_result = _lint(path, text)
            assert warm_result == cold_result
            current = edited
    finally:
        warm.enable(False)
