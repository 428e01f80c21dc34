"""ASL010-ASL013: the machine's frame, the size quota, state names, non-object states."""

from __future__ import annotations

import json

from tests.asl_structure.helpers import found, lint, machine


def test_asl010_missing_start_at_and_states_type():
    diags = found({"States": {"A": {"Type": "Succeed"}}}, "ASL010")
    assert len(diags) == 1 and "no 'StartAt'" in diags[0].message
    diags = found({"StartAt": "A", "States": ["A"]}, "ASL010")
    assert len(diags) == 1 and "array" in diags[0].message and diags[0].pointer == "/States"


def test_asl010_root_not_object_and_branch_not_object():
    assert found("[1, 2]", "ASL010")
    par = machine({"P": {"Type": "Parallel", "Branches": ["oops", {"StartAt": "B", "States": {}}], "End": True}})
    diags = found(par, "ASL010")
    messages = " | ".join(d.message for d in diags)
    assert "branch #1" in messages and "is empty" in messages


def test_asl010_valid_machine_passes():
    assert not found(machine({"A": {"Type": "Pass", "End": True}}), "ASL010")


def test_asl011_over_quota_and_under():
    big = machine({"A": {"Type": "Pass", "Result": {"blob": "x" * (1024 * 1024)}, "End": True}})
    diags = found(big, "ASL011")
    assert len(diags) == 1 and "1 MiB" in diags[0].message
    small = machine({"A": {"Type": "Pass", "Result": {"blob": "x" * 1000}, "End": True}})
    assert not found(small, "ASL011")


def test_asl011_counts_utf8_bytes_not_characters():
    # 400,000 three-byte characters: 1.2 MB in UTF-8, well under a million characters
    text = json.dumps(machine({"A": {"Type": "Pass", "Result": "€" * 400000, "End": True}}), ensure_ascii=False)
    assert len(text) < 1024 * 1024
    assert found(text, "ASL011")


def test_asl012_long_state_name():
    name = "N" * 81
    diags = found(machine({name: {"Type": "Succeed"}}), "ASL012")
    assert len(diags) == 1 and "81 characters" in diags[0].message
    assert not found(machine({"N" * 80: {"Type": "Succeed"}}), "ASL012")


def test_asl013_query_language_inside_states():
    defn = {"StartAt": "A", "States": {"QueryLanguage": "JSONata", "A": {"Type": "Pass", "End": True}}}
    diags = found(defn, "ASL013")
    assert len(diags) == 1
    assert "move it out of 'States'" in diags[0].hint and diags[0].pointer == "/States/QueryLanguage"
    assert not found(machine({"A": {"Type": "Pass", "End": True}}), "ASL013")


def test_broken_inputs_never_crash():
    hostile = [
        "null", "42", '"text"', "[]", "{}",
        {"StartAt": 5, "States": {"A": "x", "B": [], "C": None}},
        {"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [1, {"And": 5}, {"Not": []}, {"Or": [None]}]}}},
        {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": 5, "Retry": {"x": 1}, "Catch": [None, {"ErrorEquals": "x"}],
                                          "Parameters": [], "TimeoutSeconds": "x", "HeartbeatSeconds": [], "Credentials": []}}},
        {"StartAt": "A", "States": {"A": {"Type": "Map", "ItemProcessor": [], "Iterator": 3, "ItemReader": "x", "End": "yes"}}},
        {"StartAt": "A", "States": {"A": {"Type": "Parallel", "Branches": {"a": 1}, "Next": ["B"]}}},
        {"StartAt": "A", "States": {"A": {"Type": "Wait", "Timestamp": 5, "Seconds": "7", "Next": {"x": 1}}}},
        {"StartAt": "A", "States": {"A": {"Type": ["Task"], "Next": None}}},
    ]
    for defn in hostile:
        diags = lint(defn)
        assert not [d for d in diags if d.code == "ASL000"], (defn, [d.message for d in diags if d.code == "ASL000"])
