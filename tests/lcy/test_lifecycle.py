"""LCY: resources created by a workflow are deleted on every path (data-flow over the CFG)."""

import json
import pathlib

import pytest

from aslint.api import lint_text

ROOT = pathlib.Path(__file__).resolve().parents[2]
ROLE = "arn:aws:iam::111122223333:role/eks-cluster"
SUBNETS = {"SubnetIds": ["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"]}


def lint(data, select=("LCY",)):
    text = data if isinstance(data, str) else json.dumps(data, indent=1)
    return lint_text(text, "wf.asl.json", select=list(select))


def codes(data, select=("LCY",)):
    return sorted(d.code for d in lint(data, select))


def create(name="c1", nxt=None, sync=True, key="Name", **extra):
    params = {key: name, "RoleArn": ROLE, "ResourcesVpcConfig": SUBNETS}
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster" + (".sync" if sync else ""),
             "Parameters": params, "ResultPath": "$.eks"}
    state.update({"Next": nxt} if nxt else {"End": True})
    state.update(extra)
    return state


def delete(name="c1", nxt=None, key="Name", **extra):
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster.sync", "Parameters": {key: name},
             "ResultPath": None,
             "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 3}]}
    state.update({"Next": nxt} if nxt else {"End": True})
    state.update(extra)
    return state


def work(nxt=None, **extra):
    state = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
             "Parameters": {"FunctionName": "f"}, "ResultPath": "$.work"}
    state.update({"Next": nxt} if nxt else {"End": True})
    state.update(extra)
    return state


def catch_all(nxt, **extra):
    return [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": nxt, **extra}]


def machine(start, states, **top):
    return {"StartAt": start, "States": states, **top}


# --- the sample project ------------------------------------------------------------------------

def test_sample_project_leaks_cluster_and_nodegroup_on_failure_paths():
    text = (ROOT / "examples" / "eks-cluster-leaky.asl.json").read_text()
    found = lint(text)
    leaks = [d for d in found if d.code == "LCY002"]
    assert sorted(d.state for d in leaks) == ["Create a node group", "Create an EKS cluster"]
    cluster = next(d for d in leaks if d.message.startswith("cluster 'ExampleCluster'"))
    assert cluster.state == "Create an EKS cluster" and cluster.path == ["Create an EKS cluster"]
    others = " ".join(message for _, message in cluster.related)  # the other exits: related locations
    for state in ("Create a node group", "Run a job on EKS", "Send expected result", "Send unexpected result", "Delete job"):
        assert f"state '{state}' leaves" in others
    assert "state 'Delete node group' leaves" not in others
    assert "(and 5 other exits)" in cluster.message
    nodegroup = next(d for d in leaks if d.message.startswith("node group 'ExampleNodegroup'"))
    assert nodegroup.path == ["Create a node group"]
    assert "state 'Create an EKS cluster' leaves" not in " ".join(message for _, message in nodegroup.related)
    assert not [d for d in found if d.code == "LCY001"], "the success path deletes everything"
    assert len(cluster.related) == 1 + 5  # the create + the other states that leave
    assert all(m.startswith("state ") and " leaves without deleting " in m for _, m in cluster.related[1:])
    assert cluster.related[-1][1].endswith("(path: 'Create an EKS cluster' → 'Create a node group' → 'Run a job on EKS'"
                                          " → 'Examine output' → 'Send expected result' → 'Delete job')")


def test_fixed_sample_project_is_clean():
    text = (ROOT / "examples" / "eks-cluster-clean.asl.json").read_text()
    assert codes(text) == []


# --- control flow ------------------------------------------------------------------------------

def test_choice_branch_that_skips_deletion():
    states = {
        "Create": create(nxt="Keep?", Catch=catch_all("Delete")),
        "Keep?": {"Type": "Choice", "Choices": [{"Variable": "$.keep", "BooleanEquals": True, "Next": "Done"}],
                  "Default": "Delete"},
        "Delete": delete(nxt="Done"),
        "Done": {"Type": "Succeed"},
    }
    found = lint(machine("Create", states))
    assert [d.code for d in found if d.code.startswith("LCY00")] == ["LCY001"]
    leak = next(d for d in found if d.code == "LCY001")
    assert leak.path == ["Create", "Keep?", "Done"] and leak.state == "Done"
    assert leak.severity == "error"


def test_choice_both_branches_delete_is_clean():
    states = {
        "Create": create(nxt="Keep?", Catch=catch_all("Delete")),
        "Keep?": {"Type": "Choice", "Choices": [{"Variable": "$.keep", "BooleanEquals": True, "Next": "Delete"}],
                  "Default": "Delete"},
        "Delete": delete(),
    }
    assert [c for c in codes(machine("Create", states)) if c < "LCY010"] == []


def test_map_iteration_that_creates_and_forgets():
    inner = machine("Create", {"Create": create(name="$.name", key="Name.$", nxt="Work",
                                                 Catch=catch_all("Cleanup")),
                               "Work": work(Catch=catch_all("Cleanup")),
                               "Cleanup": {"Type": "Pass", "End": True}})
    data = machine("Each", {"Each": {"Type": "Map", "ItemsPath": "$.clusters", "ItemProcessor": inner,
                                     "ResultPath": None, "Next": "Delete"},
                            "Delete": delete(name="$.name", key="Name.$")})
    found = lint(data)
    assert "LCY001" in [d.code for d in found]
    leak = next(d for d in found if d.code == "LCY001")
    assert leak.path[0] == "Create" and leak.path[-2:] == ["Each", "Delete"] and leak.state == "Delete"
    assert "inside the iteration of Map 'Each'" in leak.hint
    assert "LCY002" not in [d.code for d in found], "a failing delete is not a leak path"


def test_map_iteration_that_deletes_its_cluster_is_clean():
    inner = machine("Create", {"Create": create(name="$.name", key="Name.$", nxt="Work", Catch=catch_all("Delete")),
                               "Work": work(nxt="Delete", Catch=catch_all("Delete")),
                               "Delete": delete(name="$.name", key="Name.$")})
    data = machine("Each", {"Each": {"Type": "Map", "ItemsPath": "$.clusters", "ItemProcessor": inner,
                                     "ResultPath": None, "End": True}})
    assert [c for c in codes(data) if c < "LCY010"] == []


def test_parallel_branch_fails_while_another_created_a_cluster():
    branch_a = machine("Create", {"Create": create(nxt="Use", Catch=catch_all("Delete")),
                                  "Use": work(nxt="Delete", Catch=catch_all("Delete")),
                                  "Delete": delete()})
    branch_b = machine("Other", {"Other": work()})
    data = machine("Both", {"Both": {"Type": "Parallel", "Branches": [branch_a, branch_b], "ResultPath": None,
                                     "End": True}})
    found = lint(data)
    leaks = [d for d in found if d.code == "LCY002"]
    assert len(leaks) == 1 and leaks[0].state == "Both"
    assert "branches or iterations is not caught" in leaks[0].message
    # catching the Parallel's failure into a delete of the cluster fixes it
    data["States"]["Both"]["Catch"] = catch_all("Cleanup")
    data["States"]["Cleanup"] = delete()
    assert "LCY002" not in codes(data)


def test_parallel_whose_branches_cannot_fail_is_clean():
    branch_a = machine("Create", {"Create": create(nxt="Delete", sync=False), "Delete": delete()})
    branch_b = machine("Wait", {"Wait": {"Type": "Wait", "Seconds": 5, "End": True}})
    data = machine("Both", {"Both": {"Type": "Parallel", "Branches": [branch_a, branch_b], "End": True}})
    assert [c for c in codes(data) if c < "LCY010"] == []


def test_catcher_for_task_failed_lets_timeout_escape():
    states = {"Create": create(nxt="Work", sync=False),
              "Work": work(nxt="Delete", TimeoutSeconds=60,
                           Catch=[{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.error", "Next": "Delete"}]),
              "Delete": delete()}
    found = lint(machine("Create", states))
    leak = [d for d in found if d.code == "LCY002"]
    assert len(leak) == 1 and leak[0].state == "Work"
    assert "States.Timeout" in leak[0].message and leak[0].severity == "warning"
    states["Work"]["Catch"][0]["ErrorEquals"] = ["States.ALL"]
    assert "LCY002" not in codes(machine("Create", states))


def test_named_error_catcher_lets_other_errors_escape():
    states = {"Create": create(nxt="Work", sync=False),
              "Work": work(nxt="Delete", Catch=[{"ErrorEquals": ["Lambda.ServiceException"], "Next": "Delete"}]),
              "Delete": delete()}
    found = [d for d in lint(machine("Create", states)) if d.code == "LCY002"]
    assert len(found) == 1 and "do not match every error" in found[0].message


def test_fail_state_without_cleanup():
    states = {"Create": create(nxt="Check", sync=False),
              "Check": {"Type": "Choice", "Choices": [{"Variable": "$.ok", "BooleanEquals": False, "Next": "Boom"}],
                        "Default": "Delete"},
              "Boom": {"Type": "Fail", "Error": "Bad"},
              "Delete": delete()}
    found = [d for d in lint(machine("Create", states)) if d.code == "LCY002"]
    assert len(found) == 1 and found[0].state == "Boom" and found[0].path == ["Create", "Check", "Boom"]


def test_request_response_create_failing_creates_nothing_but_sync_may():
    rr = machine("Create", {"Create": create(nxt="Delete", sync=False), "Delete": delete()})
    assert "LCY002" not in codes(rr)
    sync = machine("Create", {"Create": create(nxt="Delete"), "Delete": delete()})
    found = [d for d in lint(sync) if d.code == "LCY002"]
    assert len(found) == 1 and "may be left behind" in found[0].message


# --- identity ----------------------------------------------------------------------------------

def test_dynamic_names_via_the_same_input_path_are_clean():
    states = {"Create": create(name="$.cluster.name", key="Name.$", nxt="Work", sync=False),
              "Work": work(nxt="Delete", Catch=catch_all("Delete")),
              "Delete": delete(name="$.cluster.name", key="Name.$")}
    assert [c for c in codes(machine("Create", states)) if c < "LCY010"] == []


def test_dynamic_names_via_different_paths_leak():
    states = {"Create": create(name="$.cluster.name", key="Name.$", nxt="Work", sync=False),
              "Work": work(nxt="Delete", Catch=catch_all("Delete")),
              "Delete": delete(name="$.other.name", key="Name.$")}
    found = [d for d in lint(machine("Create", states)) if d.code == "LCY001"]
    assert len(found) == 1
    assert "`$.other.name`" in found[0].hint and "`$.cluster.name`" in found[0].hint


def test_overwritten_name_is_reported_as_undecidable_not_as_leak():
    states = {"Create": create(name="$.cluster", key="Name.$", nxt="Work", sync=False),
              "Work": work(nxt="Delete", ResultPath="$.cluster"),
              "Delete": delete(name="$.cluster", key="Name.$")}
    found = lint(machine("Create", states))
    assert "LCY001" not in [d.code for d in found]
    undecided = [d for d in found if d.code == "LCY004"]
    assert len(undecided) == 1 and "'Work'" in undecided[0].message and undecided[0].state == "Delete"
    states["Work"]["ResultPath"] = "$.work"
    assert "LCY004" not in codes(machine("Create", states))


def test_execution_input_names_survive_result_paths():
    states = {"Create": create(name="$$.Execution.Input.name", key="Name.$", nxt="Work", sync=False),
              "Work": work(nxt="Delete", ResultPath="$", Catch=catch_all("Delete", ResultPath="$")),
              "Delete": delete(name="$$.Execution.Input.name", key="Name.$")}
    assert [c for c in codes(machine("Create", states)) if c < "LCY010"] == []


def test_variables_and_assign():
    states = {"Create": create(name="$cluster", key="Name.$", nxt="Work", sync=False),
              "Work": work(nxt="Delete", Assign={"cluster": "other"}, Catch=catch_all("Delete")),
              "Delete": delete(name="$cluster", key="Name.$")}
    assert "LCY004" in codes(machine("Create", states))
    del states["Work"]["Assign"]
    assert [c for c in codes(machine("Create", states)) if c < "LCY010"] == []


def test_jsonata_arguments():
    states = {
        "Create": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster",
                   "Arguments": {"Name": "{% $name %}", "RoleArn": ROLE, "ResourcesVpcConfig": SUBNETS},
                   "Next": "Work"},
        "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"},
                 "Next": "Delete"},
        "Delete": {"Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster.sync",
                   "Arguments": {"Name": "{% $name %}"}, "Retry": [{"ErrorEquals": ["States.ALL"]}], "End": True},
    }
    data = machine("Create", states, QueryLanguage="JSONata")
    found = codes(data)
    assert "LCY002" in found and "LCY001" not in found and "LCY004" not in found


# --- ordering ----------------------------------------------------------------------------------

def _nodegroup(api, nxt=None, **extra):
    params = {"ClusterName": "c1", "NodegroupName": "ng"}
    if api == "createNodegroup":
        params.update({"NodeRole": "arn:aws:iam::111122223333:role/node", "Subnets": ["subnet-0aacf887d9f00e6a7"]})
    state = {"Type": "Task", "Resource": f"arn:aws:states:::eks:{api}.sync", "Parameters": params,
             "ResultPath": None}
    state.update({"Next": nxt} if nxt else {"End": True})
    state.update(extra)
    return state


def test_delete_order_cluster_before_nodegroup():
    states = {"Create": create(nxt="Group", sync=False),
              "Group": _nodegroup("createNodegroup", "Delete"),
              "Delete": delete()}
    found = lint(machine("Create", states))
    order = [d for d in found if d.code == "LCY010"]
    assert len(order) == 1 and order[0].state == "Delete" and "node group 'ng'" in order[0].message
    assert "ResourceInUseException" not in order[0].message
    states["Group"]["Next"] = "Ungroup"
    states["Ungroup"] = _nodegroup("deleteNodegroup", "Delete", Retry=[{"ErrorEquals": ["States.ALL"]}])
    assert "LCY010" not in codes(machine("Create", states))


def test_use_after_delete():
    call = {"Type": "Task", "Resource": "arn:aws:states:::eks:call",
            "Parameters": {"ClusterName": "c1", "CertificateAuthority.$": "$.ca", "Endpoint.$": "$.ep",
                           "Method": "GET", "Path": "/api/v1/pods"}, "End": True}
    states = {"Create": create(nxt="Delete", sync=False), "Delete": delete(nxt="List"), "List": call}
    found = [d for d in lint(machine("Create", states)) if d.code == "LCY011"]
    assert len(found) == 1 and found[0].state == "List" and found[0].path == ["Delete", "List"]
    states = {"Create": create(nxt="List", sync=False), "List": dict(call, End=None, Next="Delete"),
              "Delete": delete()}
    del states["List"]["End"]
    assert "LCY011" not in codes(machine("Create", states))


def test_second_create_with_same_literal_name():
    states = {"A": create(nxt="B", sync=False), "B": create(nxt="Delete", sync=False), "Delete": delete()}
    found = [d for d in lint(machine("A", states)) if d.code == "LCY012"]
    assert len(found) == 1 and found[0].state == "B"
    states = {"A": create(nxt="D1", sync=False), "D1": delete(nxt="B"), "B": create(nxt="Delete", sync=False),
              "Delete": delete()}
    assert "LCY012" not in codes(machine("A", states))


# --- jobs --------------------------------------------------------------------------------------

def _run_job(nxt=None, ttl=False, **extra):
    spec = {"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "x", "image": "busybox"}]}}}
    if ttl:
        spec["ttlSecondsAfterFinished"] = 60
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
             "Parameters": {"ClusterName.$": "$.cluster.name", "CertificateAuthority.$": "$.cluster.ca",
                            "Endpoint.$": "$.cluster.endpoint",
                            "Job": {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "job-1"},
                                    "spec": spec}},
             "ResultPath": "$.job"}
    state.update({"Next": nxt} if nxt else {"End": True})
    state.update(extra)
    return state


def _delete_job(**extra):
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:call",
             "Parameters": {"ClusterName.$": "$.cluster.name", "CertificateAuthority.$": "$.cluster.ca",
                            "Endpoint.$": "$.cluster.endpoint", "Method": "DELETE",
                            "Path": "/apis/batch/v1/namespaces/default/jobs/job-1",
                            "QueryParameters": {"propagationPolicy": ["Foreground"]}},
             "Retry": [{"ErrorEquals": ["States.ALL"]}], "End": True}
    state.update(extra)
    return state


def test_job_with_fixed_name_left_behind():
    found = [d for d in lint(machine("Run", {"Run": _run_job()})) if d.code == "LCY003"]
    assert found and "(409)" in found[0].message and "generateName" in found[0].hint
    assert "LCY003" not in codes(machine("Run", {"Run": _run_job(ttl=True)}))


def test_job_deleted_on_every_path_is_clean():
    states = {"Run": _run_job("Delete job", Catch=catch_all("Delete job")), "Delete job": _delete_job()}
    assert "LCY003" not in codes(machine("Run", states))
    states["Run"].pop("Catch")
    found = [d for d in lint(machine("Run", states)) if d.code == "LCY003"]
    assert len(found) == 1 and found[0].state == "Run"


# --- cleanup quality ---------------------------------------------------------------------------

def test_delete_without_retry():
    d = delete()
    d.pop("Retry")
    assert "LCY020" in codes(machine("Delete", {"Delete": d}))
    d["Retry"] = [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}]
    assert "LCY020" in codes(machine("Delete", {"Delete": d}))
    assert "LCY020" not in codes(machine("Delete", {"Delete": delete()}))


def test_request_response_delete_at_the_end_and_its_fix():
    d = delete()
    d["Resource"] = "arn:aws:states:::eks:deleteCluster"
    found = [x for x in lint(machine("Delete", {"Delete": d})) if x.code == "LCY021"]
    assert len(found) == 1 and found[0].fix is not None
    assert "LCY021" not in codes(machine("Delete", {"Delete": delete()}))


def test_top_level_timeout_and_stop_notes():
    data = machine("Create", {"Create": create(nxt="Delete", Catch=catch_all("Delete")), "Delete": delete()},
                   TimeoutSeconds=600)
    found = codes(data)
    assert "LCY022" in found and found.count("LCY023") == 1
    del data["TimeoutSeconds"]
    assert "LCY022" not in codes(data)
    no_cluster = machine("Run", {"Run": _run_job(ttl=True)}, TimeoutSeconds=600)
    assert "LCY022" not in codes(no_cluster) and "LCY023" not in codes(no_cluster)


# --- robustness --------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    {"StartAt": "A", "States": {"A": "not a state"}},
    {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster",
                                      "Parameters": ["a list"], "Next": "Missing"}}},
    {"StartAt": "A", "States": {"A": create(nxt="Missing", Catch=["x", {"ErrorEquals": "States.ALL", "Next": 3}])}},
    {"StartAt": "A", "States": {"A": {"Type": "Parallel", "Branches": "no", "Next": "B"}, "B": create()}},
    {"StartAt": "A", "States": {"A": {"Type": "Map", "ItemProcessor": {"States": {}}, "End": True}}},
    {"StartAt": "A", "States": {"A": create(name=42)}},
    {"StartAt": "A", "States": {"A": create(name="$..x[?(@.a)]", key="Name.$", ResultPath="$$bad")}},
    {"StartAt": 5, "States": []},
    [1, 2, 3],
])
def test_broken_definitions_do_not_crash(data):
    lint(data)


def test_deep_nesting_is_iterative():
    from aslint.core.document import Document
    from aslint.lcy.dataflow import analyze

    data = machine("Create", {"Create": create(sync=False)})
    for _ in range(3000):  # far beyond Python's recursion limit; built without json
        data = machine("P", {"P": {"Type": "Parallel", "Branches": [data], "End": True}})
    f = analyze(Document("deep.asl.json", "{}", "json", data))
    assert f.reached[0] and f.alive[0] == 1  # the cluster reaches the success exit
    depth = 20  # through the whole CLI (the loader refuses documents nested over 128 levels)
    text = json.dumps(machine("Create", {"Create": create(sync=False)}))
    for _ in range(depth):
        text = '{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [' + text + ']}}}'
    found = lint(text, select=("LCY001",))
    assert [d.code for d in found] == ["LCY001"]


# --- hostile input, generated ------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_names = st.sampled_from(["A", "B", "C", "Missing"])
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-2, 3), _names,
                     st.sampled_from(["$", "$.x", "$$.Execution.Input.n", "$v", "{% $v %}", "States.ALL",
                                      "States.TaskFailed", "States.Timeout", "DELETE", "c1",
                                      "arn:aws:states:::eks:createCluster.sync", "arn:aws:states:::eks:deleteCluster",
                                      "arn:aws:states:::eks:runJob.sync", "arn:aws:states:::eks:call",
                                      "/apis/batch/v1/namespaces/default/jobs/j"]))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(["Type", "Next", "End", "Name", "Name.$", "ClusterName", "Method", "Path",
                                     "ErrorEquals", "ResultPath", "Catch", "Retry", "Parameters", "Arguments",
                                     "Branches", "ItemProcessor", "StartAt", "States", "Default", "Choices",
                                     "Resource", "Assign", "OutputPath", "TimeoutSeconds", "Job", "QueryLanguage"]),
                    inner, max_size=5)), max_leaves=25)
_types = st.sampled_from(["Task", "Pass", "Choice", "Parallel", "Map", "Fail", "Succeed", "Wait", "Bogus"])


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_names, st.one_of(_values, st.fixed_dictionaries({"Type": _types}, optional={
    "Resource": _scalars, "Parameters": _values, "Next": _names, "End": st.booleans(), "Catch": _values,
    "Branches": _values, "ItemProcessor": _values, "Default": _names, "Choices": _values, "ResultPath": _scalars,
})), max_size=4), _names)
def test_generated_definitions_never_crash(states, start):
    from aslint.core.document import Document
    from aslint.core.engine import Context
    from aslint.core.rule import load_builtin_rules
    from aslint.core.settings import Settings

    data = {"StartAt": start, "States": states}
    doc = Document("fuzz.asl.json", json.dumps(data), "json", data)
    rules = load_builtin_rules()
    lcy = sorted(c for c in rules if c.startswith("LCY"))
    assert len(lcy) >= 11
    for code in lcy:
        list(rules[code]().check(Context(doc, {}, Settings(), None, None)))


def test_stop_note_is_said_once_per_workflow():
    states = {}
    for i in range(5):
        states[f"Create{i}"] = create(name=f"c{i}", nxt=f"Delete{i}", Catch=catch_all(f"Delete{i}"))
        states[f"Delete{i}"] = delete(name=f"c{i}", nxt=f"Create{i + 1}" if i < 4 else None)
    found = [d for d in lint(machine("Create0", states)) if d.code == "LCY023"]
    assert len(found) == 1 and "5 clusters" in found[0].message and len(found[0].related) == 4


def test_create_only_workflow_gets_advice_not_an_error():
    # the cluster is the workflow's output: nothing else in it uses or deletes the cluster
    found = [d for d in lint(machine("Create", {"Create": create()})) if d.code == "LCY001"]
    assert [d.severity for d in found] == ["info"] and found[0].hint


def test_workflow_that_uses_what_it_created_and_keeps_it_gets_an_error():
    run = {"Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
           "Parameters": {"ClusterName": "c1", "CertificateAuthority": "x", "Endpoint": "https://e", "Namespace": "default",
                          "Job": {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"generateName": "j-"}}}, "End": True}
    found = [d for d in lint(machine("Create", {"Create": create(nxt="Run"), "Run": run})) if d.code == "LCY001"]
    assert [d.severity for d in found] == ["error"]


def _delete_child(kind, sync, nxt):
    api = "deleteNodegroup" if kind == "nodegroup" else "deleteFargateProfile"
    name_key = "NodegroupName" if kind == "nodegroup" else "FargateProfileName"
    return {"Type": "Task", "Resource": f"arn:aws:states:::eks:{api}" + (".sync" if sync else ""),
            "Parameters": {"ClusterName": "c1", name_key: "n1"}, "ResultPath": None, "Next": nxt}


@pytest.mark.parametrize("kind", ["nodegroup", "fargateprofile"])
def test_child_deleted_without_sync_right_before_the_cluster(kind):
    states = {"Delete child": _delete_child(kind, False, "Note"), "Note": {"Type": "Pass", "Next": "Delete"}, "Delete": delete()}
    found = [d for d in lint(machine("Delete child", states)) if d.code == "LCY010"]
    assert [(d.pointer, d.severity) for d in found] == [("/States/Delete child/Resource", "error")]
    states["Delete child"] = _delete_child(kind, True, "Note")
    assert not [d for d in lint(machine("Delete child", states)) if d.code == "LCY010"]
    # a wait (here a Wait state before a describe loop) between them is not "right before"
    states["Delete child"] = _delete_child(kind, False, "Wait")
    states["Wait"] = {"Type": "Wait", "Seconds": 300, "Next": "Delete"}
    assert not [d for d in lint(machine("Delete child", states)) if d.code == "LCY010"]


@pytest.mark.parametrize("lifecycles", [40])
def test_evidence_paths_search_only_where_the_resource_is_alive(lifecycles):
    """One search tree per reported resource, shared by its findings at every exit, and never
    wider than the stretch where that resource is alive: a long chain of cluster lifecycles, the
    first of which can fail without its cleanup, costs a few nodes of search, not the chain."""
    from aslint.core.document import Document
    from aslint.lcy.cfg import EXIT_ERROR, EXIT_FAIL
    from aslint.lcy.dataflow import flow
    from aslint.lcy.report import leak_findings

    states = {}
    for i in range(lifecycles):
        nxt = f"Create{i + 1}" if i + 1 < lifecycles else None
        states[f"Create{i}"] = create(name=f"c{i}", nxt=f"Route{i}", Catch=catch_all(f"Delete{i}"))
        choices = [{"Variable": "$.bad", "BooleanEquals": True, "Next": f"Failed{i}"}] if i == 0 else []
        choices.append({"Variable": "$.bad", "BooleanEquals": False, "Next": f"Work{i}"})
        states[f"Route{i}"] = {"Type": "Choice", "Choices": choices, "Default": f"Work{i}"}
        states[f"Work{i}"] = work(nxt=f"Delete{i}", Catch=catch_all(f"Delete{i}"))
        states[f"Delete{i}"] = delete(name=f"c{i}", nxt=nxt)
        states[f"Failed{i}"] = {"Type": "Fail", "Error": "Lifecycle.Failed"}
    data = machine("Create0", states)
    doc = Document("chain.asl.json", json.dumps(data), "json", data)
    leaks = list(leak_findings(doc, (EXIT_FAIL, EXIT_ERROR), ("cluster",)))
    assert [(leak[0].ref.name, leak[4]) for leak in leaks] == [("Create0", ["Create0", "Route0", "Failed0"])]
    f = flow(doc)
    assert [key[1] for key in f.trees] == [0], "one tree, for the one leaked cluster"
    pred, _queue = f.trees[next(iter(f.trees))]
    assert 3 <= len(pred) <= 6, "the search stays inside the first lifecycle"
    assert f.shortest(f.g.node_of["/States/Create0"], 0, [EXIT_FAIL])[EXIT_FAIL][-1] == EXIT_FAIL
    assert len(f.trees) == 1, "asked again, the same tree answers"
