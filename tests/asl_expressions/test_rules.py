"""ASL300–ASL420: a failing and a passing case per rule, with the pointer the finding lands on."""

import json

import pytest

from aslint.api import lint_text

SELECT = ["ASL3", "ASL4"]


def machine(states, start=None, **top):
    doc = {"StartAt": start or next(iter(states)), "States": states, **top}
    return json.dumps(doc, indent=1)


def task(**fields):
    node = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": True}
    node.update(fields)
    return node


def run(text, code=None):
    diags = lint_text(text, "m.asl.json", select=[code] if code else SELECT)
    return [(d.code, d.pointer, d.severity, d.message) for d in diags]


def codes(text, code=None):
    return sorted({c for c, *_ in run(text, code)})


CASES = [
    # code, failing definition, pointer of the finding, passing definition
    ("ASL300", machine({"A": task(ResultPath=".guid")}), "/States/A/ResultPath",
     machine({"A": task(ResultPath="$.guid")})),
    ("ASL300", machine({"A": task(Parameters={"x": {"lorem.$": "ipsum"}})}), "/States/A/Parameters/x/lorem.$",
     machine({"A": task(Parameters={"x": {"lorem": "ipsum"}})})),
    ("ASL300", machine({"A": {"Type": "Pass", "InputPath": "States.Format('{}', 1)", "End": True}}), "/States/A/InputPath",
     machine({"A": {"Type": "Pass", "InputPath": "$.a", "End": True}})),
    ("ASL301", machine({"A": task(ResultPath="$.a[*]")}), "/States/A/ResultPath",
     machine({"A": task(ResultPath="$.a[0]")})),
    ("ASL301", machine({"C": {"Type": "Choice", "Choices": [{"Variable": "$..x", "IsPresent": True, "Next": "D"}], "Default": "D"},
                        "D": {"Type": "Succeed"}}), "/States/C/Choices/0/Variable",
     machine({"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": True, "Next": "D"}], "Default": "D"},
              "D": {"Type": "Succeed"}})),
    ("ASL302", machine({"A": task(ResultPath="$foo")}), "/States/A/ResultPath",
     machine({"A": task(ResultPath="$.foo")})),
    ("ASL302", machine({"A": task(Catch=[{"ErrorEquals": ["States.ALL"], "ResultPath": "$$.Error", "Next": "F"}]), "F": {"Type": "Fail"}}),
     "/States/A/Catch/0/ResultPath",
     machine({"A": task(Catch=[{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "F"}]), "F": {"Type": "Fail"}})),
    ("ASL303", machine({"A": {"Type": "Pass", "Parameters": {"n.$": 23}, "End": True}}), "/States/A/Parameters/n.$",
     machine({"A": {"Type": "Pass", "Parameters": {"n": 23}, "End": True}})),
    ("ASL304", machine({"A": task(Parameters={"Payload": {"id": "$.order.id"}})}), "/States/A/Parameters/Payload/id",
     machine({"A": task(Parameters={"Payload": {"id.$": "$.order.id"}})})),
    ("ASL310", machine({"A": task(ResultSelector={"x.$": "States.Xyz($.result)"})}), "/States/A/ResultSelector/x.$",
     machine({"A": task(ResultSelector={"x.$": "States.JsonToString($.result)"})})),
    ("ASL310", machine({"A": task(ResultSelector={"x.$": " States.Array('Foo', $.xyz)"})}), "/States/A/ResultSelector/x.$",
     machine({"A": task(ResultSelector={"x.$": "States.Array('Foo', $.xyz)"})})),
    ("ASL310", machine({"A": task(Parameters={"x.$": "States.Array(" * 11 + ")" * 11})}), "/States/A/Parameters/x.$",
     machine({"A": task(Parameters={"x.$": "States.Array(" * 10 + ")" * 10})})),
    ("ASL311", machine({"A": task(Parameters={"x.$": "States.Format('{} and {}', $.a)"})}), "/States/A/Parameters/x.$",
     machine({"A": task(Parameters={"x.$": "States.Format('{} and \\\\{\\\\}', $.a)"})})),
    ("ASL311", machine({"A": task(Parameters={"x.$": "States.UUID($.a)"})}), "/States/A/Parameters/x.$",
     machine({"A": task(Parameters={"x.$": "States.UUID()"})})),
    ("ASL312", machine({"A": task(Parameters={"x.$": "States.Hash($.a, 'SHA256')"})}), "/States/A/Parameters/x.$",
     machine({"A": task(Parameters={"x.$": "States.Hash($.a, 'SHA-256')"})})),
    ("ASL312", machine({"A": task(Parameters={"x.$": "States.JsonMerge($.a, $.b, true)"})}), "/States/A/Parameters/x.$",
     machine({"A": task(Parameters={"x.$": "States.JsonMerge($.a, $.b, false)"})})),
    ("ASL312", machine({"A": task(Parameters={"x.$": "States.ArrayRange(0, 2000, 1)"})}), "/States/A/Parameters/x.$",
     machine({"A": task(Parameters={"x.$": "States.ArrayRange(1, 2000, 2)"})})),
    ("ASL312", machine({"A": {"Type": "Pass", "Parameters": {"foo.$": "States.MathAdd(1,'-1')"}, "End": True}}), "/States/A/Parameters/foo.$",
     machine({"A": {"Type": "Pass", "Parameters": {"foo.$": "States.MathAdd(1,-1)"}, "End": True}})),
    ("ASL313", machine({"A": {"Type": "Pass", "Output": {"id": "{% States.UUID() %}"}, "End": True}}, QueryLanguage="JSONata"),
     "/States/A/Output/id",
     machine({"A": {"Type": "Pass", "Output": {"id": "{% $uuid() %}", "s": "{% 'States.UUID()' %}"}, "End": True}}, QueryLanguage="JSONata")),
    ("ASL400", machine({"A": {"Type": "Pass", "Output": "{% $sum($states.input.n %}", "End": True}}, QueryLanguage="JSONata"),
     "/States/A/Output",
     machine({"A": {"Type": "Pass", "Output": "{% $sum($states.input.n) %}", "End": True}}, QueryLanguage="JSONata")),
    ("ASL400", machine({"A": {"Type": "Pass", "QueryLanguage": "JSONata", "Assign": {"t": {"a": ["{% 420. %}"]}}, "End": True}}),
     "/States/A/Assign/t/a/0",
     machine({"A": {"Type": "Pass", "QueryLanguage": "JSONata", "Assign": {"t": {"a": ["{% 420 %}"]}}, "End": True}})),
    ("ASL401", machine({"A": {"Type": "Pass", "Output": "{% $states.inputs %}", "End": True}}, QueryLanguage="JSONata"),
     "/States/A/Output",
     machine({"A": {"Type": "Pass", "Output": "{% $states.input %}", "End": True}}, QueryLanguage="JSONata")),
    ("ASL402", machine({"A": task(Arguments={"Payload": {"id.$": "$.id"}})}, QueryLanguage="JSONata"),
     "/States/A/Arguments/Payload/id.$",
     machine({"A": task(Arguments={"Payload": {"id": "{% $states.input.id %}"}})}, QueryLanguage="JSONata")),
    ("ASL403", machine({"A": task(Arguments={"Payload": "$.body"})}, QueryLanguage="JSONata"), "/States/A/Arguments/Payload",
     machine({"A": task(Arguments={"Payload": "{% $states.input.body %}"})}, QueryLanguage="JSONata")),
    ("ASL404", machine({"A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": True}}, QueryLanguage="JSONata"),
     "/States/A/QueryLanguage",
     machine({"A": {"Type": "Pass", "QueryLanguage": "JSONata", "End": True}}))  ,
    ("ASL405", machine({"A": task(Parameters={"Payload": "{% $states.input %}"})}), "/States/A/Parameters/Payload",
     machine({"A": task(Parameters={"Payload": "{% $states.input %}"}, QueryLanguage="JSONata")})),
    ("ASL410", machine({"A": {"Type": "Pass", "Assign": {"states": 1}, "End": True}}), "/States/A/Assign/states",
     machine({"A": {"Type": "Pass", "Assign": {"counter": 1}, "End": True}})),
    ("ASL411", machine({"A": {"Type": "Pass", "Assign": {"x": 1}, "Next": "B"}, "B": {"Type": "Pass", "InputPath": "$y", "End": True}}),
     "/States/B/InputPath",
     machine({"A": {"Type": "Pass", "Assign": {"y": 1}, "Next": "B"}, "B": {"Type": "Pass", "InputPath": "$y", "End": True}})),
    ("ASL420", machine({"A": task(Resource="arn:aws:states:::lambda:invoke.waitForTaskToken", Parameters={"FunctionName": "f"})}),
     "/States/A/Parameters",
     machine({"A": task(Resource="arn:aws:states:::lambda:invoke.waitForTaskToken",
                        Parameters={"FunctionName": "f", "Payload": {"token.$": "$$.Task.Token"}})})),
]


@pytest.mark.parametrize("code,bad,pointer,good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_failing_case_raises_at_pointer(code, bad, pointer, good):
    found = [(c, p) for c, p, *_ in run(bad, code)]
    assert (code, pointer) in found, found


@pytest.mark.parametrize("code,bad,pointer,good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_passing_case_is_clean(code, bad, pointer, good):
    assert code not in codes(good, code)


def test_messages_say_how_to_fix():
    (d,) = lint_text(machine({"A": task(ResultSelector={"x.$": "States.Fromat('{}', $.a)"})}), "m.asl.json", select=["ASL310"])
    assert "did you mean States.Format?" in d.message and d.hint == "Use States.Format"
    (d,) = lint_text(machine({"A": task(ResultPath="$foo")}), "m.asl.json", select=["ASL302"])
    assert "Assign" in d.hint


def test_errorOutput_only_in_catch():
    bad = machine({"A": task(Output="{% $states.errorOutput %}")}, QueryLanguage="JSONata")
    assert "ASL401" in codes(bad)
    good = machine({"A": task(Catch=[{"ErrorEquals": ["States.ALL"], "Output": "{% $states.errorOutput %}", "Next": "F"}]),
                    "F": {"Type": "Fail"}}, QueryLanguage="JSONata")
    assert "ASL401" not in codes(good)


def test_variable_read_before_assignment_on_every_path():
    text = machine({
        "A": {"Type": "Pass", "Parameters": {"v.$": "$late"}, "Next": "B"},
        "B": {"Type": "Pass", "Assign": {"late": 1}, "End": True},
    })
    found = run(text, "ASL411")
    assert found and "before any state" in found[0][3]


def test_variable_assigned_in_catch_reaches_handler():
    text = machine({
        "A": task(Catch=[{"ErrorEquals": ["States.ALL"], "Assign": {"err.$": "$.Cause"}, "Next": "H"}]),
        "H": {"Type": "Fail", "CausePath": "$err"},
    })
    assert "ASL411" not in codes(text)


def test_variable_from_outer_scope_visible_in_map_and_jsonata_locals_ignored():
    text = machine({
        "Set": {"Type": "Pass", "Assign": {"limit": 3}, "Next": "M"},
        "M": {"Type": "Map", "ItemProcessor": {"StartAt": "I", "States": {
            "I": {"Type": "Pass", "QueryLanguage": "JSONata",
                  "Output": "{% ($n := $limit; $map([1,2], function($v) { $v + $n })) %}", "End": True}}},
              "End": True},
    })
    assert "ASL411" not in codes(text)


def test_jsonata_parallel_and_distributed_map_child_not_downgrade_errors():
    text = machine({"M": {"Type": "Map", "ItemProcessor": {
        "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
        "StartAt": "I", "States": {"I": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": True}}}, "End": True}},
        QueryLanguage="JSONata")
    assert "ASL404" not in codes(text)


BROKEN = [
    '{"StartAt": "A", "States": {"A": "not a state"}}',
    '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": ["x"], "ResultPath": 5, "End": true}}}',
    '{"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [null, {"And": 3}, {"Not": []}]}}}',
    '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": 7, "Catch": [1, {"Next": 2}], "Assign": []}}}',
    '{"StartAt": "A", "QueryLanguage": "JSONata", "States": {"A": {"Type": "Pass", "Output": {"a": [1, {"b.$": null}]}, "Catch": "x"}}}',
    '{"StartAt": 3, "States": []}',
    '[1, 2]',
    '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken"}}}',
]


@pytest.mark.parametrize("text", BROKEN)
def test_broken_input_never_crashes(text):
    diags = lint_text(text, "m.asl.json", select=SELECT + ["ASL000"])
    assert "ASL000" not in {d.code for d in diags}


def test_large_machine_is_fast():
    import time

    states = {}
    for i in range(2000):
        states[f"S{i}"] = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                           "Parameters": {"a.$": f"$.x{i}.y", "b.$": f"$$.Execution.Id", "c.$": f"States.Format('{{}}', $.z{i})"},
                           "ResultPath": f"$.r{i}", "Assign": {f"v{i}.$": "$.Payload"},
                           **({"Next": f"S{i + 1}"} if i < 1999 else {"End": True})}
    text = machine(states, "S0")
    start = time.perf_counter()
    diags = lint_text(text, "big.asl.json", select=SELECT)
    elapsed = time.perf_counter() - start
    assert not [d for d in diags if d.severity == "error"]
    assert elapsed < 10, elapsed


def test_token_passed_with_whole_context_object():
    text = machine({"A": task(Resource="arn:aws:states:::lambda:invoke.waitForTaskToken",
                              Parameters={"FunctionName": "f", "Payload": {"ctx.$": "$$"}})})
    assert "ASL420" not in codes(text)
    jsonata = machine({"A": task(Resource="arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                                 Arguments={"QueueUrl": "q", "MessageBody": "{% {'t': $states.context.Task.Token} %}"})},
                      QueryLanguage="JSONata")
    assert "ASL420" not in codes(jsonata)


def test_variable_assigned_inside_parallel_does_not_leak_out():
    text = machine({
        "P": {"Type": "Parallel", "Branches": [{"StartAt": "In", "States": {
            "In": {"Type": "Pass", "Assign": {"inner": 1}, "End": True}}}], "Next": "After"},
        "After": {"Type": "Pass", "Parameters": {"v.$": "$inner"}, "End": True},
    })
    found = run(text, "ASL411")
    assert found and found[0][1] == "/States/After/Parameters/v.$" and "before any state" in found[0][3]


def test_loop_counter_assigned_by_itself_is_fine():
    text = machine({
        "Init": {"Type": "Pass", "Assign": {"n": 0}, "Next": "Loop"},
        "Loop": {"Type": "Pass", "QueryLanguage": "JSONata", "Assign": {"n": "{% $n + 1 %}"}, "Next": "Check"},
        "Check": {"Type": "Choice", "QueryLanguage": "JSONata",
                  "Choices": [{"Condition": "{% $n < 3 %}", "Next": "Loop"}], "Default": "Done"},
        "Done": {"Type": "Succeed"},
    })
    assert "ASL411" not in codes(text)


JSONATA = {"QueryLanguage": "JSONata"}


@pytest.mark.parametrize("value", ["  {% $states.input %}", "{% $states.input %} ", "10 %}", "{% 10 %", "a {% 1 %}"])
def test_asl400_not_exactly_surrounded_is_a_warning(value):
    # AWS accepts the definition and uses the string as literal text: likely wrong, not rejected
    found = run(machine({"A": {"Type": "Pass", "Output": {"v": value}, "End": True}}, **JSONATA), "ASL400")
    assert [(c, p, s) for c, p, s, _ in found] == [("ASL400", "/States/A/Output/v", "warning")]


def test_asl400_malformed_body_stays_an_error():
    found = run(machine({"A": {"Type": "Pass", "Output": {"v": "{% $sum(1 %}"}, "End": True}}, **JSONATA), "ASL400")
    assert [s for _, _, s, _ in found] == ["error"]
    assert not run(machine({"A": {"Type": "Pass", "Output": {"v": "{% $sum([1]) %}"}, "End": True}}, **JSONATA), "ASL400")


def test_asl402_dotdollar_key_in_jsonata_state_is_a_warning():
    found = run(machine({"A": {"Type": "Pass", "Output": {"v.$": "$.x"}, "End": True}}, **JSONATA), "ASL402")
    assert [s for _, _, s, _ in found] == ["warning"]
    assert not run(machine({"A": {"Type": "Pass", "Output": {"v": "{% $states.input.x %}"}, "End": True}}, **JSONATA), "ASL402")


def test_asl313_literal_intrinsic_is_a_warning_but_inside_an_expression_an_error():
    literal = run(machine({"A": {"Type": "Pass", "Output": {"v": "States.Format('{}', $.x)"}, "End": True}}, **JSONATA), "ASL313")
    assert [s for _, _, s, _ in literal] == ["warning"]
    inside = run(machine({"A": {"Type": "Pass", "Output": {"v": "{% States.UUID() %}"}, "End": True}}, **JSONATA), "ASL313")
    assert [s for _, _, s, _ in inside] == ["error"]
    assert not run(machine({"A": {"Type": "Pass", "Output": {"v": "{% $uuid() %}"}, "End": True}}, **JSONATA), "ASL313")


@pytest.mark.parametrize("field, container", [
    ("MaxItemsPath", {"ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON", "MaxItemsPath": "$.max"},
                                     "Parameters": {"Bucket": "b", "Key": "k"}}}),
    ("MaxItemsPerBatchPath", {"ItemBatcher": {"MaxItemsPerBatchPath": "$.size"}}),
])
def test_asl304_knows_the_fields_that_already_take_a_path(field, container):
    proc = {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "I", "States": {"I": {"Type": "Succeed"}}}
    assert not run(machine({"M": {"Type": "Map", "ItemProcessor": proc, **container, "End": True}}), "ASL304")
    # the same value under a template key of the reader is still passed literally
    bad = {"ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "b", "Key": "$.key"}}}
    found = run(machine({"M": {"Type": "Map", "ItemProcessor": proc, **bad, "End": True}}), "ASL304")
    assert [p for _, p, _, _ in found] == ["/States/M/ItemReader/Parameters/Key"]


def test_asl310_unknown_escape_in_an_intrinsic_string_is_an_error():
    found = run(machine({"A": task(Parameters={"x.$": "States.Format('line\\nbreak {}', $.a)"})}), "ASL310")
    assert [(p, s) for _, p, s, _ in found] == [("/States/A/Parameters/x.$", "error")]
    assert not run(machine({"A": task(Parameters={"x.$": "States.Format('a \\{\\} \\\\ {}', $.a)"})}), "ASL310")


@pytest.mark.parametrize("field", ["ErrorPath", "CausePath"])
def test_asl310_fail_paths_take_only_string_intrinsics(field):
    bad = run(machine({"F": {"Type": "Fail", field: "States.Array($.a, $.b)"}}), "ASL310")
    assert [(p, s) for _, p, s, _ in bad] == [(f"/States/F/{field}", "error")]
    for good in ("States.Format('{} failed', $.name)", "States.JsonToString($.detail)", "States.UUID()", "$.error"):
        assert not run(machine({"F": {"Type": "Fail", field: good}}), "ASL310"), good


def test_asl305_key_and_dotdollar_key_in_one_object():
    bad = run(machine({"A": task(Parameters={"FunctionName": "f", "Payload": {"id": "x", "id.$": "$.id"}})}), "ASL305")
    assert [(p, s) for _, p, s, _ in bad] == [("/States/A/Parameters/Payload/id.$", "error")]
    assert not run(machine({"A": task(Parameters={"FunctionName": "f", "Payload": {"id.$": "$.id", "name": "x"}})}), "ASL305")
    # separate objects may each use the name
    assert not run(machine({"A": task(Parameters={"FunctionName": "f", "a": {"id": "x"}, "b": {"id.$": "$.id"}})}), "ASL305")


@pytest.mark.parametrize("state, field", [
    ({"Type": "Wait", "Timestamp": "{% $now() %}", "End": True}, "Timestamp"),
    ({"Type": "Wait", "Seconds": "{% 5 %}", "End": True}, "Seconds"),
    (task(Parameters={"FunctionName": "f"}, TimeoutSeconds="{% 30 %}"), "TimeoutSeconds"),
])
def test_asl405_jsonata_in_a_literal_format_field_is_an_error(state, field):
    found = run(machine({"A": state}), "ASL405")
    assert [(p, s) for _, p, s, _ in found] == [(f"/States/A/{field}", "error")]
    assert not run(machine({"A": state}, QueryLanguage="JSONata"), "ASL405")


def test_asl405_jsonata_in_a_template_stays_a_warning():
    found = run(machine({"A": task(Parameters={"Payload": "{% $states.input %}"})}), "ASL405")
    assert [s for _, _, s, _ in found] == ["warning"]
