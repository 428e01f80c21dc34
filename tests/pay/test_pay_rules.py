"""PAY001-PAY005: the 256 KiB payload quota, in both query languages."""

import json

import pytest

from aslint.api import lint_text
from aslint.core.settings import Settings
from tests.eks.helpers import definition, found, job, run_params, call_params, task, ROLE, SUBNETS

QLS = ["JSONPath", "JSONata"]


@pytest.mark.parametrize("ql", QLS)
def test_literal_over_quota_is_an_error_and_over_half_a_warning(ql):
    field = "Arguments" if ql == "JSONata" else "Parameters"
    def data(size):
        d = definition({"Put": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                "Parameters": {"FunctionName": "f", "Payload": {"blob": "é" * (size // 2)}}, "End": True}}, "Put", ql)
        return d
    (hit,) = found(data(270_000), "PAY001")
    assert hit.severity == "error" and hit.pointer == f"/States/Put/{field}"
    (hit,) = found(data(140_000), "PAY001")  # 'é' is two bytes in UTF-8
    assert hit.severity == "warning"
    assert found(data(100_000), "PAY001") == []


def test_warn_share_is_an_option():
    d = definition({"P": {"Type": "Pass", "Result": {"x": "a" * 60_000}, "End": True}}, "P")
    assert found(d, "PAY001") == []
    settings = Settings()
    settings.rule_options = {"PAY001": {"warn-share": 0.2}}
    settings.select = ["PAY001"]
    diags = lint_text(json.dumps(d), "d.asl.json", settings=settings)
    assert [x.code for x in diags] == ["PAY001"]


@pytest.mark.parametrize("ql", QLS)
def test_runjob_logs_unbounded(ql):
    (hit,) = found(task("runJob.sync", run_params(LogOptions={"RetrieveLogs": True}), ql), "PAY002")
    assert hit.severity == "warning" and hit.pointer.endswith("/LogOptions/RetrieveLogs")
    assert "limitBytes" in hit.hint
    bounded = run_params(LogOptions={"RetrieveLogs": True, "LogParameters": {"tailLines": ["50"]}})
    assert found(task("runJob.sync", bounded, ql), "PAY002") == []
    assert found(task("runJob.sync", run_params(LogOptions={"RetrieveLogs": False}), ql), "PAY002") == []
    assert found(task("runJob", run_params(LogOptions={"RetrieveLogs": True}), ql), "PAY002") == []


@pytest.mark.parametrize("ql", QLS)
def test_runjob_log_bound_too_large_for_the_pods(ql):
    j = job(spec={"parallelism": 10, "completions": 20, "template": {"spec": {
        "containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "y"}], "restartPolicy": "Never"}}})
    big = run_params(Job=j, LogOptions={"RetrieveLogs": True, "LogParameters": {"limitBytes": ["10000"]}})
    (hit,) = found(task("runJob.sync", big, ql), "PAY002")
    assert "20 pod(s) x 2 container(s)" in hit.message and "400,000" in hit.message
    small = run_params(Job=j, LogOptions={"RetrieveLogs": True, "LogParameters": {"limitBytes": ["5000"]}})
    assert found(task("runJob.sync", small, ql), "PAY002") == []


@pytest.mark.parametrize("ql", QLS)
def test_call_list_without_limit(ql):
    (hit,) = found(task("call", call_params(Path="/apis/batch/v1/namespaces/default/jobs"), ql), "PAY003")
    assert hit.severity == "warning" and hit.pointer.endswith("/Path")
    # the advice agrees with PAY002 (no ResultSelector fix) and suggests a page that fits 256 KiB
    assert '"limit": ["20"]' in hit.hint and "ResultSelector" in hit.hint and "does not help" in hit.hint
    (hit,) = found(task("call", call_params(Path="/api/v1/namespaces/default/pods", QueryParameters={"labelSelector": ["a=b"]}), ql), "PAY003")
    assert hit.severity == "info"
    assert found(task("call", call_params(Path="/api/v1/namespaces"), ql), "PAY003")
    for good in (call_params(Path="/apis/batch/v1/namespaces/default/jobs", QueryParameters={"limit": ["10"]}),
                 call_params(Path="/apis/batch/v1/namespaces/default/jobs/one"),
                 call_params(Path="/api/v1/namespaces/default"),
                 call_params(Method="POST", Path="/apis/batch/v1/namespaces/default/jobs", RequestBody={})):
        assert found(task("call", good, ql), "PAY003") == []


def _map(ql, trimmed):
    inner = {"Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
             "Parameters": run_params(LogOptions={"RetrieveLogs": True, "LogParameters": {"tailLines": ["10"]}}), "End": True}
    items = {"Items": "{% $states.input.jobs %}"} if ql == "JSONata" else {"ItemsPath": "$.jobs"}
    m = {"Type": "Map", **items, "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Run", "States": {"Run": inner}}, "End": True}
    if ql == "JSONata":
        inner["Arguments"] = inner.pop("Parameters")
        if trimmed:
            m["Output"] = "{% $count($states.result) %}"
        return {"QueryLanguage": "JSONata", "StartAt": "Each", "States": {"Each": m}}
    if trimmed:
        m["ResultPath"] = None
    return {"StartAt": "Each", "States": {"Each": m}}


@pytest.mark.parametrize("ql", QLS)
def test_map_results_kept_whole(ql):
    (hit,) = found(_map(ql, False), "PAY004")
    assert hit.pointer == "/States/Each" and "'Run'" in hit.message
    assert found(_map(ql, True), "PAY004") == []


def _accumulate(selector):
    create = {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
              "Parameters": {"Name": "c", "RoleArn": ROLE, "ResourcesVpcConfig": {"SubnetIds": SUBNETS}},
              "ResultPath": "$.eks", "Next": "A"}
    if selector:
        create["ResultSelector"] = {"Endpoint.$": "$.Cluster.Endpoint"}
    return definition({"Create": create, "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "C"},
                       "C": {"Type": "Succeed"}}, "Create")


def test_large_result_accumulates():
    (hit,) = found(_accumulate(False), "PAY005")
    assert hit.severity == "info" and hit.pointer == "/States/Create/ResultPath" and "3 states" in hit.message
    assert found(_accumulate(True), "PAY005") == []
    short = _accumulate(False)
    short["States"]["Create"]["Next"] = "C"
    assert found(short, "PAY005") == []


def test_large_result_accumulates_not_for_jsonata():
    # JSONata states have no ResultPath: the result only flows on through Output/Assign, which PAY005 does not model
    assert found(definition(_accumulate(False)["States"], "Create", "JSONata"), "PAY005") == []
