"""ASL100-ASL111: state types, fields per type and query language, value shapes, Wait, timeouts."""

from __future__ import annotations

from tests.asl_structure.helpers import found, machine, task


def test_asl100_invalid_and_missing_type():
    diags = found(machine({"A": {"Type": "Paralel", "Branches": [], "End": True}}), "ASL100")
    assert len(diags) == 1 and "did you mean 'Parallel'" in diags[0].message and diags[0].pointer == "/States/A/Type"
    diags = found(machine({"A": {"End": True}}), "ASL100")
    assert len(diags) == 1 and "no 'Type'" in diags[0].message
    assert not found(machine({"A": {"Type": "${StateType}", "End": True}}), "ASL100")
    assert not found(machine({"A": {"Type": "Pass", "End": True}}), "ASL100")


def test_asl101_unknown_field_with_did_you_mean():
    defn = machine({"A": {"Type": "Pass", "Nxet": "B"}, "B": {"Type": "Succeed"}})
    diags = found(defn, "ASL101")
    assert len(diags) == 1
    assert "did you mean 'Next'" in diags[0].message and diags[0].pointer == "/States/A/Nxet"


def test_asl101_unknown_fields_in_sub_objects():
    retry = task(Retry=[{"ErrorEquals": ["States.ALL"], "MaxAttempt": 2}])
    diags = found(machine({"A": retry}), "ASL101")
    assert len(diags) == 1 and "did you mean 'MaxAttempts'" in diags[0].message and diags[0].pointer == "/States/A/Retry/0/MaxAttempt"
    choice = {"Type": "Choice", "Choices": [{"Variable": "$.a", "StringEqual": "x", "Next": "B"}], "Default": "B"}
    diags = found(machine({"A": choice, "B": {"Type": "Succeed"}}), "ASL101")
    assert len(diags) == 1 and "did you mean 'StringEquals'" in diags[0].message
    top = {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}, "Startat": "A"}
    assert "did you mean 'StartAt'" in found(top, "ASL101")[0].message


def test_asl101_known_fields_pass():
    defn = machine({"A": task(Retry=[{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2, "JitterStrategy": "FULL"}],
                              Catch=[{"ErrorEquals": ["States.ALL"], "Next": "F", "ResultPath": "$.err"}], End=None, Next="F"),
                    "F": {"Type": "Fail", "Error": "E", "Cause": "C"}})
    del defn["States"]["A"]["End"]
    assert not found(defn, "ASL101")


def test_asl102_field_of_another_state_type():
    defn = machine({"A": {"Type": "Pass", "Retry": [{"ErrorEquals": ["States.ALL"]}], "End": True}})
    diags = found(defn, "ASL102")
    assert len(diags) == 1 and "only Task, Parallel and Map" in diags[0].hint and diags[0].pointer == "/States/A/Retry"
    succeed = machine({"A": {"Type": "Succeed", "Next": "A"}})
    assert "ends its machine" in found(succeed, "ASL102")[0].hint
    assert not found(machine({"A": task(Retry=[{"ErrorEquals": ["States.ALL"]}])}), "ASL102")


def test_asl103_jsonpath_field_in_jsonata_state_and_back():
    jsonata = machine({"A": task(QueryLanguage="JSONata")})
    diags = found(jsonata, "ASL103")
    assert len(diags) == 1 and "'Parameters' is a JSONPath field" in diags[0].message and "'Arguments'" in diags[0].hint
    jsonpath = machine({"A": {"Type": "Pass", "Output": {"x": 1}, "End": True}})
    diags = found(jsonpath, "ASL103")
    assert len(diags) == 1 and "JSONata field" in diags[0].message
    ok = machine({"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"}, "End": True}},
                 QueryLanguage="JSONata")
    assert not found(ok, "ASL103")


def test_asl103_result_is_uncertain_warning():
    diags = found(machine({"A": {"Type": "Pass", "Result": 1, "End": True}}, QueryLanguage="JSONata"), "ASL103")
    assert len(diags) == 1 and diags[0].severity == "warning"


def test_asl104_missing_required_fields():
    defn = machine({"T": {"Type": "Task", "End": True, "Credentials": {"roleArn": "x"}}, "C": {"Type": "Choice"},
                    "P": {"Type": "Parallel", "End": True}, "M": {"Type": "Map", "End": True}}, start="T")
    pointers = {d.pointer for d in found(defn, "ASL104")}
    assert {"/States/T/Resource", "/States/T/Credentials/RoleArn", "/States/C/Choices", "/States/P/Branches", "/States/M/ItemProcessor"} <= pointers
    catch = machine({"A": task(Catch=[{"ErrorEquals": ["States.ALL"]}])})
    assert [d.pointer for d in found(catch, "ASL104")] == ["/States/A/Catch/0/Next"]
    ok = machine({"A": task(Credentials={"RoleArn.$": "$.role"})})
    assert not found(ok, "ASL104")


def test_asl104_choice_rule_without_variable():
    choice = {"Type": "Choice", "Choices": [{"StringEquals": "x", "Next": "B"}], "Default": "B"}
    diags = found(machine({"A": choice, "B": {"Type": "Succeed"}}), "ASL104")
    assert len(diags) == 1 and diags[0].pointer == "/States/A/Choices/0/Variable"


def test_asl105_wrong_types():
    diags = found(machine({"A": task(TimeoutSeconds="300")}), "ASL105")
    assert len(diags) == 1 and "must be an integer, not a string" in diags[0].message and diags[0].pointer == "/States/A/TimeoutSeconds"
    diags = found(machine({"A": task(Retry={"ErrorEquals": ["States.ALL"]})}), "ASL105")
    assert len(diags) == 1 and "an array" in diags[0].message


def test_asl105_dynamic_values_accepted():
    jsonata = machine({"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": "{% $states.input.t %}",
                             "Arguments": {}, "End": True}}, QueryLanguage="JSONata")
    assert not found(jsonata, "ASL105")
    cfn = machine({"A": task(Resource={"Fn::GetAtt": ["Fn", "Arn"]})})
    assert not found(cfn, "ASL105")


def test_asl106_ranges():
    diags = found(machine({"A": task(Retry=[{"ErrorEquals": ["States.ALL"], "BackoffRate": 0.5, "MaxAttempts": -1}])}), "ASL106")
    assert {d.pointer for d in diags} == {"/States/A/Retry/0/BackoffRate", "/States/A/Retry/0/MaxAttempts"}
    assert found(machine({"A": task(TimeoutSeconds=0)}), "ASL106")
    assert found(machine({"A": {"Type": "Choice", "Choices": []}}), "ASL106")
    assert not found(machine({"A": task(TimeoutSeconds=1, Retry=[{"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}])}), "ASL106")


def test_asl107_enum_values():
    m = {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "Distributed", "ExecutionType": "EXPRESS"}, "StartAt": "I",
                                          "States": {"I": {"Type": "Succeed"}}}, "End": True}
    diags = found(machine({"M": m}), "ASL107")
    assert len(diags) == 1 and "did you mean 'DISTRIBUTED'" in diags[0].message
    m["ItemProcessor"]["ProcessorConfig"]["Mode"] = "DISTRIBUTED"
    assert not found(machine({"M": m}), "ASL107")


def test_asl108_wait_duration():
    two = machine({"W": {"Type": "Wait", "Seconds": 1, "TimestampPath": "$.t", "End": True}})
    diags = found(two, "ASL108")
    assert len(diags) == 1 and "has both Seconds and TimestampPath" in diags[0].message
    assert found(machine({"W": {"Type": "Wait", "End": True}}), "ASL108")
    assert not found(machine({"W": {"Type": "Wait", "SecondsPath": "$.s", "End": True}}), "ASL108")


def test_asl109_mutually_exclusive():
    diags = found(machine({"A": task(HeartbeatSeconds=10, HeartbeatSecondsPath="$.h")}), "ASL109")
    assert len(diags) == 1 and diags[0].pointer == "/States/A/HeartbeatSecondsPath"
    assert found(machine({"F": {"Type": "Fail", "Error": "E", "ErrorPath": "$.e"}}), "ASL109")
    assert not found(machine({"A": task(HeartbeatSeconds=10, TimeoutSeconds=60)}), "ASL109")


def test_asl110_heartbeat_vs_timeout():
    diags = found(machine({"A": task(HeartbeatSeconds=60, TimeoutSeconds=60)}), "ASL110")
    assert len(diags) == 1 and "less than its TimeoutSeconds" in diags[0].message
    assert found(machine({"A": task(HeartbeatSeconds=99999999)}), "ASL110")
    assert not found(machine({"A": task(HeartbeatSeconds=59, TimeoutSeconds=60)}), "ASL110")


def test_asl111_wait_timestamp():
    for bad in ("2026-08-18", "2026-08-18t17:33:00z", "2026-08-18T17:33:00", "2026-13-01T00:00:00Z"):
        assert found(machine({"W": {"Type": "Wait", "Timestamp": bad, "End": True}}), "ASL111"), bad
    for good in ("2026-08-18T17:33:00Z", "2026-08-18T17:33:00.123+02:00", "{% $now() %}"):
        assert not found(machine({"W": {"Type": "Wait", "Timestamp": good, "End": True}}), "ASL111"), good


def test_asl109_map_sub_objects():
    m = {"Type": "Map", "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}}, "End": True,
         "ItemBatcher": {"MaxItemsPerBatch": 2, "MaxItemsPerBatchPath": "$.n"},
         "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"MaxItems": 1, "MaxItemsPath": "$.m"}}}
    pointers = {d.pointer for d in found(machine({"M": m}), "ASL109")}
    assert pointers == {"/States/M/ItemBatcher/MaxItemsPerBatchPath", "/States/M/ItemReader/ReaderConfig/MaxItemsPath"}


def test_asl101_credentials_fields():
    diags = found(machine({"A": task(Credentials={"RoleArn": "arn:aws:iam::1:role/r", "roleArn": "x"})}), "ASL101")
    assert len(diags) == 1 and diags[0].pointer == "/States/A/Credentials/roleArn" and "did you mean 'RoleArn'" in diags[0].message


def test_asl106_documented_limits_are_warnings():
    zero = found(machine({"A": task(Retry=[{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 0}])}), "ASL106")
    assert len(zero) == 1 and zero[0].severity == "warning" and zero[0].pointer == "/States/A/Retry/0/IntervalSeconds"
    long_wait = found(machine({"W": {"Type": "Wait", "Seconds": 40000000, "End": True}}), "ASL106")
    assert len(long_wait) == 1 and long_wait[0].severity == "warning"
    assert not found(machine({"W": {"Type": "Wait", "Seconds": 3600, "End": True}}), "ASL106")


def test_asl103_catcher_fields_follow_the_state_language():
    jsonata = machine({"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {}, "End": True,
                             "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "F"}]},
                       "F": {"Type": "Fail"}}, QueryLanguage="JSONata")
    diags = found(jsonata, "ASL103")
    assert [d.pointer for d in diags] == ["/States/A/Catch/0/ResultPath"] and "$states.errorOutput" in diags[0].hint
    jsonpath = machine({"A": task(Catch=[{"ErrorEquals": ["States.ALL"], "Output": {}, "Next": "F"}]), "F": {"Type": "Fail"}})
    assert [d.pointer for d in found(jsonpath, "ASL103")] == ["/States/A/Catch/0/Output"]
    ok = machine({"A": task(Catch=[{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "F"}]), "F": {"Type": "Fail"}})
    assert not found(ok, "ASL103")


def test_asl101_processor_config_only_in_item_processor():
    branch = {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}, "ProcessorConfig": {"Mode": "INLINE"}}
    par = machine({"P": {"Type": "Parallel", "Branches": [branch], "End": True}})
    assert [d.pointer for d in found(par, "ASL101")] == ["/States/P/Branches/0/ProcessorConfig"]
    ok = machine({"M": {"Type": "Map", "ItemProcessor": branch, "End": True}})
    assert not found(ok, "ASL101")
