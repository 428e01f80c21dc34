"""DAT: reads of state data that cannot succeed (DAT001) or fail on some path (DAT002)."""

import json

import pytest

from aslint.api import lint_text

ROLE = "arn:aws:iam::111122223333:role/eks-cluster"
NODE_ROLE = "arn:aws:iam::111122223333:role/eks-node"
SUBNETS = ["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"]
JOB = {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "work"},
       "spec": {"template": {"spec": {"containers": [{"name": "main", "image": "busybox"}], "restartPolicy": "Never"}}}}


def lint(states, start=None, **top):
    data = {"StartAt": start or next(iter(states)), "States": states, **top}
    return lint_text(json.dumps(data, indent=1), "wf.asl.json", select=["DAT"])


def only(diags):
    return [(d.code, d.pointer) for d in diags]


def create_cluster(nxt, result_path="$.eks", **extra):
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
             "Parameters": {"Name": "c1", "RoleArn": ROLE, "ResourcesVpcConfig": {"SubnetIds": SUBNETS}},
             "ResultPath": result_path, "Next": nxt}
    state.update(extra)
    return state


def run_job(nxt=None, **extra):
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
             "Parameters": {"ClusterName": "c1", "CertificateAuthority.$": "$.eks.Cluster.CertificateAuthority.Data",
                            "Endpoint.$": "$.eks.Cluster.Endpoint", "Job": JOB}}
    state.update({"Next": nxt} if nxt else {"End": True})
    state.update(extra)
    return state


def delete_cluster(**extra):
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster.sync", "Parameters": {"Name": "c1"},
             "End": True}
    state.update(extra)
    return state


def pass_(nxt=None, **fields):
    state = {"Type": "Pass", **fields}
    state.update({"Next": nxt} if nxt else {"End": True})
    return state


# -- the scenarios of the issue, each with a correct look-alike ------------------------------

def test_result_written_under_another_name_than_read():
    states = {
        "Create": create_cluster("Run", ResultSelector={"endpoint.$": "$.Cluster.Endpoint",
                                                         "ca.$": "$.Cluster.CertificateAuthority.Data"}),
        "Run": run_job(),
        "Delete": delete_cluster(),
    }
    states["Run"]["Next"] = "Delete"
    del states["Run"]["End"]
    diags = lint(states)
    assert {d.code for d in diags} == {"DAT001"}
    msg = next(d.message for d in diags if d.pointer.endswith("Endpoint.$"))
    assert "State 'Run' reads `$.eks.Cluster.Endpoint`" in msg
    assert "`$.eks` has no 'Cluster'" in msg and "state 'Create' (ResultSelector)" in msg
    assert "the cleanup will not run" in msg  # the cluster exists and the error skips every Catch


def test_result_read_under_the_name_it_was_written_is_clean():
    states = {
        "Create": create_cluster("Run", ResultSelector={"endpoint.$": "$.Cluster.Endpoint",
                                                         "ca.$": "$.Cluster.CertificateAuthority.Data"}),
        "Run": run_job("Delete"),
        "Delete": delete_cluster(),
    }
    states["Run"]["Parameters"].update({"CertificateAuthority.$": "$.eks.ca", "Endpoint.$": "$.eks.endpoint"})
    assert lint(states) == []


def test_result_path_dollar_replaces_the_state_data():
    states = {
        "Create cluster": create_cluster("Create node group"),
        "Create node group": {"Type": "Task", "Resource": "arn:aws:states:::eks:createNodegroup.sync",
                              "Parameters": {"ClusterName": "c1", "NodegroupName": "ng", "NodeRole": NODE_ROLE,
                                             "Subnets": SUBNETS},
                              "ResultPath": "$", "Next": "Run"},
        "Run": run_job("Delete"),
        "Delete": delete_cluster(),
    }
    diags = lint(states)
    assert {d.code for d in diags} == {"DAT001"}
    msg = next(d.message for d in diags if d.pointer.endswith("Endpoint.$"))
    assert "`$` has no 'eks'" in msg and "replaced by state 'Create node group' (ResultPath \"$\")" in msg


def test_result_path_under_its_own_name_keeps_the_data():
    states = {
        "Create cluster": create_cluster("Create node group"),
        "Create node group": {"Type": "Task", "Resource": "arn:aws:states:::eks:createNodegroup.sync",
                              "Parameters": {"ClusterName": "c1", "NodegroupName": "ng", "NodeRole": NODE_ROLE,
                                             "Subnets": SUBNETS},
                              "ResultPath": "$.nodegroup", "Next": "Run"},
        "Run": run_job("Delete"),
        "Delete": delete_cluster(),
    }
    assert lint(states) == []


def _catch_to(target, result_path="$.error"):
    return [{"ErrorEquals": ["States.ALL"], "ResultPath": result_path, "Next": target}]


def test_cleanup_reads_the_create_result_on_the_creates_own_catch_path():
    states = {
        "Create": create_cluster("Run", Catch=_catch_to("Delete")),
        "Run": run_job("Delete", Catch=_catch_to("Delete")),
        "Delete": delete_cluster(Parameters={"Name.$": "$.eks.Cluster.Name"}),
    }
    diags = lint(states)
    assert only(diags) == [("DAT002", "/States/Delete/Parameters/Name.$")]
    msg = diags[0].message
    assert "Catch path of 'Create'" in msg and "`$.eks`" in msg
    assert diags[0].severity == "warning"


def test_cleanup_guarded_by_is_present_is_clean():
    states = {
        "Create": create_cluster("Run", Catch=_catch_to("Created?")),
        "Run": run_job("Delete", Catch=_catch_to("Delete")),
        "Created?": {"Type": "Choice", "Choices": [{"Variable": "$.eks", "IsPresent": True, "Next": "Delete"}],
                     "Default": "Gone"},
        "Delete": delete_cluster(Parameters={"Name.$": "$.eks.Cluster.Name"}),
        "Gone": {"Type": "Fail", "Error": "CreateFailed"},
    }
    assert lint(states) == []


def test_cleanup_that_names_the_cluster_literally_is_clean():
    states = {
        "Create": create_cluster("Run", Catch=_catch_to("Delete")),
        "Run": run_job("Delete", Catch=_catch_to("Delete")),
        "Delete": delete_cluster(),
    }
    assert lint(states) == []


def test_logs_read_without_retrieve_logs():
    states = {"Run": run_job(ResultSelector={"logs.$": "$.logs.pods"})}
    diags = lint(states, start="Run")
    assert only(diags) == [("DAT001", "/States/Run/ResultSelector/logs.$")]
    assert "RetrieveLogs" in diags[0].message and "RetrieveLogs" in diags[0].hint


def test_logs_read_with_retrieve_logs_is_clean():
    state = run_job(ResultSelector={"logs.$": "$.logs.pods"})
    state["Parameters"]["LogOptions"] = {"RetrieveLogs": True}
    assert lint({"Run": state}) == []


def test_logs_with_a_dynamic_retrieve_logs_are_unknown():
    state = run_job(ResultSelector={"logs.$": "$.logs.pods"})
    state["Parameters"]["LogOptions"] = {"RetrieveLogs.$": "$.wantLogs"}
    assert lint({"Run": state}) == []


def test_choice_on_a_field_dropped_by_output_path():
    states = {
        "Describe": pass_("Check", Result={"status": "ACTIVE", "cluster": {"name": "c1"}}, ResultPath="$.describe",
                          OutputPath="$.describe.cluster"),
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.describe.status", "StringEquals": "ACTIVE",
                                                 "Next": "Done"}], "Default": "Done"},
        "Done": {"Type": "Succeed"},
    }
    diags = lint(states)
    assert only(diags) == [("DAT001", "/States/Check/Choices/0/Variable")]
    assert "narrowed by state 'Describe' (OutputPath" in diags[0].message


def test_choice_on_a_field_output_path_keeps_is_clean():
    states = {
        "Describe": pass_("Check", Result={"status": "ACTIVE", "cluster": {"name": "c1"}}, ResultPath="$.describe",
                          OutputPath="$.describe"),
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.status", "StringEquals": "ACTIVE", "Next": "Done"}],
                  "Default": "Done"},
        "Done": {"Type": "Succeed"},
    }
    assert lint(states) == []


def _map(items_path):
    return {"Type": "Map", "ItemsPath": items_path, "ResultPath": None, "End": True,
            "ItemProcessor": {"StartAt": "Each", "States": {"Each": {"Type": "Pass", "End": True}}}}


def test_map_over_a_field_dropped_by_result_selector():
    states = {
        "List": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "list"},
                 "ResultSelector": {"count.$": "$.Payload.count"}, "ResultPath": "$.listing", "Next": "Each item"},
        "Each item": _map("$.listing.items"),
    }
    diags = lint(states)
    assert only(diags) == [("DAT001", "/States/Each item/ItemsPath")]
    assert "state 'List' (ResultSelector)" in diags[0].message


def test_map_over_a_field_result_selector_keeps_is_clean():
    states = {
        "List": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "list"},
                 "ResultSelector": {"items.$": "$.Payload.items"}, "ResultPath": "$.listing", "Next": "Each item"},
        "Each item": _map("$.listing.items"),
    }
    assert lint(states) == []


def test_missing_member_of_a_literal_result():
    states = {
        "Config": pass_("Use", Result={"region": "us-east-1"}, ResultPath="$.cfg"),
        "Use": pass_(Parameters={"zone.$": "$.cfg.zone"}),
    }
    diags = lint(states)
    assert only(diags) == [("DAT001", "/States/Use/Parameters/zone.$")]
    assert "`$.cfg` has no 'zone'" in diags[0].message and "state 'Config' (Result)" in diags[0].message


def test_present_member_of_a_literal_result_is_clean():
    states = {
        "Config": pass_("Use", Result={"region": "us-east-1"}, ResultPath="$.cfg"),
        "Use": pass_(Parameters={"region.$": "$.cfg.region"}),
    }
    assert lint(states) == []


def test_jsonata_output_narrows_the_data():
    states = {
        "Create": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
                   "Arguments": {"Name": "c1", "RoleArn": ROLE, "ResourcesVpcConfig": {"SubnetIds": SUBNETS}},
                   "Output": {"endpoint": "{% $states.result.Cluster.Endpoint %}"}, "Next": "Use"},
        "Use": {"Type": "Pass", "Output": {"url": "{% $states.input.Cluster.Endpoint %}"}, "End": True},
    }
    diags = lint(states, QueryLanguage="JSONata")
    assert only(diags) == [("DAT001", "/States/Use/Output/url")]
    assert "replaced by state 'Create' (Output)" in diags[0].message


def test_jsonata_output_read_as_written_is_clean():
    states = {
        "Create": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
                   "Arguments": {"Name": "c1", "RoleArn": ROLE, "ResourcesVpcConfig": {"SubnetIds": SUBNETS}},
                   "Output": {"endpoint": "{% $states.result.Cluster.Endpoint %}"}, "Next": "Use"},
        "Use": {"Type": "Pass", "Output": {"url": "{% $states.input.endpoint %}"}, "End": True},
    }
    assert lint(states, QueryLanguage="JSONata") == []


def _parallel(nxt):
    branch = lambda name: {"StartAt": name, "States": {name: pass_(Result={"id": name})}}  # noqa: E731
    return {"Type": "Parallel", "Branches": [branch("a"), branch("b")], "ResultPath": "$.branches", "Next": nxt}


def test_parallel_result_read_as_an_object():
    states = {"Both": _parallel("Use"), "Use": pass_(Parameters={"first.$": "$.branches.a"})}
    diags = lint(states)
    assert only(diags) == [("DAT001", "/States/Use/Parameters/first.$")]
    assert "`$.branches` is an array" in diags[0].message and "one element per branch" in diags[0].message


def test_parallel_result_indexed_is_clean():
    states = {"Both": _parallel("Use"), "Use": pass_(Parameters={"first.$": "$.branches[0].id"})}
    assert lint(states) == []


def test_parallel_element_member_that_a_branch_lacks():
    states = {"Both": _parallel("Use"), "Use": pass_(Parameters={"first.$": "$.branches[1].name"})}
    assert only(lint(states)) == [("DAT001", "/States/Use/Parameters/first.$")]


# -- semantics --------------------------------------------------------------------------------

def test_reads_of_the_execution_input_are_never_reported():
    states = {"A": pass_("B", Parameters={"x.$": "$.anything.at.all"}),
              "B": {"Type": "Choice", "Choices": [{"Variable": "$.x", "StringEquals": "a", "Next": "C"}],
                    "Default": "C"},
              "C": pass_(InputPath="$.x", OutputPath="$.y")}
    assert lint(states) == []


def test_result_path_null_keeps_the_raw_input_and_discards_the_result():
    states = {"Config": pass_("Drop", Result={"cfg": {"a": 1}}),
              "Drop": pass_("Use", Result={"b": 2}, ResultPath=None),
              "Use": pass_(Parameters={"a.$": "$.cfg.a", "b.$": "$.b"})}
    diags = lint(states)
    assert only(diags) == [("DAT001", "/States/Use/Parameters/b.$")]


def test_result_path_merges_into_the_raw_input_not_the_input_path_selection():
    states = {"Config": pass_("Task", Result={"a": 1, "sub": {"s": 1}}, ResultPath="$.cfg"),
              "Task": pass_("Use", InputPath="$.cfg.sub", Result={"r": 1}, ResultPath="$.out"),
              "Use": pass_(Parameters={"a.$": "$.cfg.a", "r.$": "$.out.r"})}
    assert lint(states) == []


def test_catch_result_path_places_the_error_in_the_raw_input():
    states = {
        "Config": pass_("Work", Result={"a": 1}, ResultPath="$.cfg"),
        "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
                 "ResultPath": "$.out", "Catch": _catch_to("Handle"), "End": True},
        "Handle": pass_(Parameters={"a.$": "$.cfg.a", "e.$": "$.error.Cause", "bad.$": "$.error.Message"}),
    }
    diags = lint(states)
    assert only(diags) == [("DAT001", "/States/Handle/Parameters/bad.$")]
    assert "Error and Cause only" in diags[0].message


def test_catch_without_result_path_passes_only_the_error():
    states = {
        "Config": pass_("Work", Result={"a": 1}, ResultPath="$.cfg"),
        "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
                 "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handle"}], "End": True},
        "Handle": pass_(Parameters={"a.$": "$.cfg.a"}),
    }
    assert only(lint(states)) == [("DAT001", "/States/Handle/Parameters/a.$")]


def test_a_read_missing_on_one_branch_of_a_choice_is_a_warning_naming_where():
    states = {
        "Pick": {"Type": "Choice", "Choices": [{"Variable": "$.mode", "StringEquals": "a", "Next": "Set"}],
                 "Default": "Skip"},
        "Set": pass_("Use", Result={"v": 1}, ResultPath="$.data"),
        "Skip": pass_("Use", Result={"w": 1}, ResultPath="$.data"),
        "Use": pass_(Parameters={"v.$": "$.data.v"}),
    }
    diags = lint(states)
    assert only(diags) == [("DAT002", "/States/Use/Parameters/v.$")]
    assert "state 'Skip' (Result)" in diags[0].message


def test_is_present_false_branch_knows_the_field_is_absent():
    states = {
        "Config": pass_("Has?", Result={"a": 1}, ResultPath="$.cfg"),
        "Has?": {"Type": "Choice", "Choices": [{"Not": {"Variable": "$.cfg.b", "IsPresent": True}, "Next": "Use"}],
                 "Default": "Use"},
        "Use": pass_(Parameters={"a.$": "$.cfg.a"}),
    }
    assert lint(states) == []


def test_comparison_after_is_present_in_the_same_and_is_guarded():
    states = {
        "Config": pass_("Has?", Result={"a": 1}, ResultPath="$.cfg"),
        "Has?": {"Type": "Choice", "Choices": [{"And": [{"Variable": "$.cfg.b", "IsPresent": True},
                                                        {"Variable": "$.cfg.b", "StringEquals": "x"}], "Next": "Done"}],
                 "Default": "Done"},
        "Done": {"Type": "Succeed"},
    }
    assert lint(states) == []


def test_intrinsic_argument_reads_are_checked():
    states = {"Config": pass_("Use", Result={"a": "x"}, ResultPath="$.cfg"),
              "Use": pass_(Parameters={"s.$": "States.Format('{}-{}', $.cfg.a, $.cfg.b)"})}
    assert only(lint(states)) == [("DAT001", "/States/Use/Parameters/s.$")]


def test_member_of_a_string_cannot_be_read():
    states = {"Config": pass_("Use", Result={"a": "x"}, ResultPath="$.cfg"),
              "Use": pass_(Parameters={"s.$": "$.cfg.a.b"})}
    diags = lint(states)
    assert only(diags) == [("DAT001", "/States/Use/Parameters/s.$")]
    assert "`$.cfg.a` is a string" in diags[0].message


def test_map_result_is_an_array_of_the_processor_outputs():
    states = {
        "Config": pass_("Each", Result={"items": [{"n": 1}]}, ResultPath="$.cfg"),
        "Each": {"Type": "Map", "ItemsPath": "$.cfg.items", "ResultPath": "$.out", "Next": "Use",
                 "ItemProcessor": {"StartAt": "One", "States": {"One": pass_(Parameters={"n.$": "$.n", "bad.$": "$.m"})}}},
        "Use": pass_(Parameters={"first.$": "$.out[0].n", "wrong.$": "$.out.n"}),
    }
    assert only(lint(states)) == [("DAT001", "/States/Each/ItemProcessor/States/One/Parameters/bad.$"),
                                  ("DAT001", "/States/Use/Parameters/wrong.$")]


def test_item_selector_builds_the_iteration_input():
    states = {
        "Config": pass_("Each", Result={"items": [{"n": 1}]}, ResultPath="$.cfg"),
        "Each": {"Type": "Map", "ItemsPath": "$.cfg.items", "ResultPath": None, "End": True,
                 "ItemSelector": {"value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"},
                 "ItemProcessor": {"StartAt": "One", "States": {"One": pass_(Parameters={"n.$": "$.value.n", "i.$": "$.index", "x.$": "$.n"})}}},
    }
    assert only(lint(states)) == [("DAT001", "/States/Each/ItemProcessor/States/One/Parameters/x.$")]


def test_loop_reaches_a_fixed_point():
    states = {
        "Init": pass_("Poll", Result={"count": 0}, ResultPath="$.state"),
        "Poll": pass_("Done?", Parameters={"count.$": "$.state.count", "prev.$": "$.state"}, ResultPath="$.state"),
        "Done?": {"Type": "Choice", "Choices": [{"Variable": "$.state.count", "NumericGreaterThan": 3, "Next": "End"}],
                  "Default": "Poll"},
        "End": pass_(Parameters={"c.$": "$.state.prev.prev.count"}),
    }
    diags = lint(states)
    assert all(d.code in ("DAT001", "DAT002") for d in diags)
    assert ("DAT001", "/States/End/Parameters/c.$") not in only(diags)


def test_no_cleanup_sentence_without_a_live_cluster():
    states = {"Config": pass_("Use", Result={"a": 1}, ResultPath="$.cfg"), "Use": pass_(Parameters={"b.$": "$.cfg.b"})}
    diags = lint(states)
    assert diags and "cleanup" not in diags[0].message


def test_jsonata_reads_of_a_missing_field_in_a_complex_expression_are_not_judged():
    states = {"Set": {"Type": "Pass", "Output": {"a": 1}, "Next": "Use"},
              "Use": {"Type": "Pass", "Output": {"b": "{% $exists($states.input.b) ? $states.input.b : 0 %}"},
                      "End": True}}
    assert lint(states, QueryLanguage="JSONata") == []


def test_jsonata_catch_error_output():
    states = {"Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                       "Arguments": {"FunctionName": "f"}, "End": True,
                       "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handle"}]},
              "Handle": {"Type": "Pass", "Output": {"e": "{% $states.input.Error %}", "x": "{% $states.input.Oops %}"},
                         "End": True}}
    assert only(lint(states, QueryLanguage="JSONata")) == [("DAT001", "/States/Handle/Output/x")]


@pytest.mark.parametrize("n", [3000])
def test_each_state_is_processed_a_bounded_number_of_times(n):
    """The fixed point is linear: a long chain with a shared Catch handler runs each state once."""
    from aslint.dat import analysis
    from aslint.core.document import Document

    states = {}
    for i in range(n):
        states[f"S{i}"] = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                           "Parameters": {"FunctionName": "f", "v.$": f"$.r{i % 7}.code"},
                           "ResultSelector": {"code.$": "$.StatusCode"}, "ResultPath": f"$.r{i % 7}",
                           "Catch": _catch_to("Handler"), "Next": f"S{i + 1}" if i + 1 < n else "Handler"}
    states["Handler"] = pass_(Parameters={"e.$": "$.error.Cause"})
    data = {"StartAt": "S0", "States": states}
    doc = Document("big.asl.json", json.dumps(data), "json", data)
    run = analysis._Run(doc)
    run.run()
    assert max(run.visits.values()) <= 2
    assert len(run.visits) == n + 1


def test_context_object_has_its_documented_shape():
    states = {"Use": pass_(Parameters={"id.$": "$$.Execution.Id", "input.$": "$$.Execution.Input.any.thing",
                                       "new.$": "$$.Execution.SomeNewField", "token.$": "$$.Task.Token",
                                       "bad.$": "$$.Execution.Name.first"})}
    diags = lint(states)
    assert only(diags) == [("DAT001", "/States/Use/Parameters/bad.$")]
    assert "`$$.Execution.Name` is a string" in diags[0].message


def test_warning_says_the_cleanup_will_not_run_on_that_path():
    states = {
        "Create": create_cluster("Run", Catch=_catch_to("Delete")),
        "Run": run_job("Delete", Catch=_catch_to("Delete")),
        "Delete": delete_cluster(Parameters={"Name.$": "$.eks.Cluster.Name"}),
    }
    states["Create"]["Catch"] = _catch_to("Notify")
    states["Notify"] = pass_("Delete", Parameters={"endpoint.$": "$.eks.Cluster.Endpoint"}, ResultPath="$.note")
    diags = lint(states)
    msgs = {d.pointer: d.message for d in diags}
    assert "there the cleanup will not run" in msgs["/States/Notify/Parameters/endpoint.$"]


def test_finding_points_at_where_the_data_was_written():
    from aslint.core.document import Document
    from aslint.dat.report import findings

    states = {
        "Config": pass_("Use", Result={"region": "us-east-1"}, ResultPath="$.cfg"),
        "Use": pass_(Parameters={"zone.$": "$.cfg.zone"}),
    }
    data = {"StartAt": "Config", "States": states}
    doc = Document("wf.asl.json", json.dumps(data), "json", data)
    (finding,) = list(findings(doc, certain=True))
    assert finding.related == [("/States/Config/Result", "the data was last written or dropped here")]


# -- variables --------------------------------------------------------------------------------

def test_variable_with_a_literal_value_has_its_shape():
    states = {"Set": pass_("Use", Assign={"cfg": {"region": "us-east-1"}}),
              "Use": pass_(Parameters={"r.$": "$cfg.region", "z.$": "$cfg.zone"})}
    diags = lint(states)
    assert only(diags) == [("DAT001", "/States/Use/Parameters/z.$")]
    assert "`$cfg` has no 'zone'" in diags[0].message


def test_variable_assigned_from_a_path_is_unknown():
    states = {"Set": pass_("Use", Assign={"cfg.$": "$.config"}),
              "Use": pass_(Parameters={"z.$": "$cfg.zone"})}
    assert lint(states) == []


def test_variable_assigned_on_one_path_only_is_not_judged():
    states = {"Pick": {"Type": "Choice", "Choices": [{"Variable": "$.m", "StringEquals": "a", "Next": "Set"}],
                       "Default": "Use"},
              "Set": pass_("Use", Assign={"cfg": {"region": "x"}}),
              "Use": pass_(Parameters={"z.$": "$cfg.zone"})}
    assert lint(states) == []


def test_catcher_assign_replaces_the_states_assign():
    states = {
        "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
                 "Assign": {"status": {"ok": True}}, "Next": "Use",
                 "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"status": {"failed": True}}, "Next": "Use"}]},
        "Use": pass_(Parameters={"ok.$": "$status.ok"}),
    }
    diags = lint(states)
    assert only(diags) == [("DAT002", "/States/Use/Parameters/ok.$")]


def test_jsonata_variable_whole_field_read():
    states = {"Set": {"Type": "Pass", "Assign": {"cfg": {"region": "us-east-1"}}, "Next": "Use"},
              "Use": {"Type": "Pass", "Output": {"r": "{% $cfg.region %}", "z": "{% $cfg.zone %}"}, "End": True}}
    diags = lint(states, QueryLanguage="JSONata")
    assert only(diags) == [("DAT001", "/States/Use/Output/z")]


def test_branch_assignments_stay_inside_the_branch():
    branch = {"StartAt": "In", "States": {"In": pass_(Assign={"inner": {"a": 1}})}}
    states = {"Set": pass_("Both", Assign={"outer": {"a": 1}}),
              "Both": {"Type": "Parallel", "Branches": [branch], "ResultPath": None, "Next": "Use"},
              "Use": pass_(Parameters={"a.$": "$outer.a", "i.$": "$inner.a"})}
    assert lint(states) == []  # $inner is not assigned out here: ASL411's case, not a shape question


def test_map_limit_paths_are_reads():
    states = {"Config": pass_("Each", Result={"limits": {"max": 2}, "items": [1]}),
              "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrencyPath": "$.limits.concurrency",
                       "ToleratedFailureCountPath": "$.limits.max", "ResultPath": None, "End": True,
                       "ItemProcessor": {"StartAt": "One", "States": {"One": pass_()}}}}
    assert only(lint(states)) == [("DAT001", "/States/Each/MaxConcurrencyPath")]


def test_wait_seconds_path_is_a_read():
    states = {"Config": pass_("Wait", Result={"delay": 5}),
              "Wait": {"Type": "Wait", "SecondsPath": "$.delay_seconds", "End": True}}
    assert only(lint(states)) == [("DAT001", "/States/Wait/SecondsPath")]


def test_logs_finding_points_at_the_task_that_returns_no_logs():
    from aslint.core.document import Document
    from aslint.dat.report import findings

    data = {"StartAt": "Run", "States": {"Run": run_job(ResultSelector={"logs.$": "$.logs.pods"})}}
    doc = Document("wf.asl.json", json.dumps(data), "json", data)
    (finding,) = list(findings(doc, certain=True))
    assert finding.related == [("/States/Run/Resource", "the data was last written or dropped here")]
