"""EKS030-EKS033: checks that look at more than one parameter or state, in both query languages."""

import pytest

from tests.eks.helpers import ROLE, SUBNETS, call_params, definition, found, job, run_params, task

QLS = ["JSONPath", "JSONata"]
JOB_PATH = "/apis/batch/v1/namespaces/default/jobs/example-job"


@pytest.mark.parametrize("ql", QLS)
def test_job_delete_without_propagation_policy(ql):
    bad = task("call", call_params(Method="DELETE", Path=JOB_PATH), ql)
    (hit,) = found(bad, "EKS030")
    assert hit.severity == "warning" and "Orphan" in hit.message and hit.pointer.endswith("/Path")
    assert found(task("call", call_params(Method="DELETE", Path="/apis/batch/v1/namespaces/default/jobs"), ql), "EKS030")
    for good in (call_params(Method="DELETE", Path=JOB_PATH, QueryParameters={"propagationPolicy": ["Background"]}),
                 call_params(Method="DELETE", Path=JOB_PATH, RequestBody={"kind": "DeleteOptions", "propagationPolicy": "Foreground"}),
                 call_params(Method="DELETE", Path="/api/v1/namespaces/default/pods/p"),
                 call_params(Method="GET", Path=JOB_PATH)):
        assert found(task("call", good, ql), "EKS030") == []


def _run_then_call(ns, path, ql):
    return definition({
        "Run": {"Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync", "Parameters": run_params(Namespace=ns), "Next": "Get"},
        "Get": {"Type": "Task", "Resource": "arn:aws:states:::eks:call", "Parameters": call_params(Path=path), "End": True},
    }, "Run", ql)


@pytest.mark.parametrize("ql", QLS)
def test_call_job_namespace_mismatch(ql):
    (hit,) = found(_run_then_call("batch", JOB_PATH, ql), "EKS031")
    assert "'batch'" in hit.message and "/namespaces/batch/jobs/example-job" in hit.hint
    assert found(_run_then_call("batch", JOB_PATH.replace("default", "batch"), ql), "EKS031") == []
    assert found(_run_then_call(None, JOB_PATH, ql), "EKS031") == []  # no Namespace: default
    assert found(_run_then_call("batch", "/apis/batch/v1/namespaces/default/jobs/other-job", ql), "EKS031") == []


CREATE = {"Name": "MyCluster", "RoleArn": ROLE, "ResourcesVpcConfig": {"SubnetIds": SUBNETS}}


def _create_then(resource, params, pattern=".sync", ql="JSONPath", between=None, create=None):
    states = {"Create": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster" + pattern, "Parameters": create or CREATE,
                         "ResultPath": "$.eks", "Next": "Use" if not between else between[0]}}
    states.update(between[1] if between else {})
    states["Use"] = {"Type": "Task", "Resource": "arn:aws:states:::eks:" + resource, "Parameters": params, "End": True}
    return definition(states, "Create", ql)


@pytest.mark.parametrize("ql", QLS)
def test_stale_endpoint(ql):
    hits = found(_create_then("runJob.sync", run_params(), ql=ql), "EKS032")
    assert {h.pointer.rsplit("/", 1)[-1] for h in hits} == {"Endpoint", "CertificateAuthority"}
    dyn = {"ClusterName": "MyCluster", "CertificateAuthority.$": "$.eks.Cluster.CertificateAuthority.Data",
           "Endpoint.$": "$.eks.Cluster.Endpoint", "Job": job()}
    assert found(_create_then("runJob.sync", dyn, ql=ql), "EKS032") == []
    assert found(_create_then("call", call_params(ClusterName="OtherCluster"), ql=ql), "EKS032") == []
    assert found(task("call", call_params(), ql), "EKS032") == []


NODEGROUP = {"ClusterName": "MyCluster", "NodegroupName": "ng", "NodeRole": ROLE, "Subnets": SUBNETS}


@pytest.mark.parametrize("ql", QLS)
def test_cluster_used_before_active(ql):
    (hit,) = found(_create_then("createNodegroup.sync", NODEGROUP, pattern="", ql=ql), "EKS033")
    assert hit.pointer == "/States/Use" and "CREATING" in hit.message
    assert found(_create_then("createNodegroup.sync", NODEGROUP, pattern=".sync", ql=ql), "EKS033") == []
    assert found(_create_then("createNodegroup.sync", {**NODEGROUP, "ClusterName": "Other"}, pattern="", ql=ql), "EKS033") == []
    # a Wait alone does not prove the cluster is ACTIVE
    wait = ("Wait", {"Wait": {"Type": "Wait", "Seconds": 600, "Next": "Use"}})
    assert found(_create_then("createNodegroup.sync", NODEGROUP, pattern="", ql=ql, between=wait), "EKS033")
    if ql == "JSONPath":
        choice = {"Type": "Choice", "Choices": [{"Variable": "$.d.Cluster.Status", "StringEquals": "ACTIVE", "Next": "Use"}], "Default": "Pause"}
    else:
        choice = {"Type": "Choice", "Choices": [{"Condition": "{% $d.Cluster.Status = 'ACTIVE' %}", "Next": "Use"}], "Default": "Pause"}
    poll = ("Describe", {
        "Describe": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:eks:describeCluster", "Parameters": {"Name": "MyCluster"}, "Next": "Active?"},
        "Active?": choice,
        "Pause": {"Type": "Wait", "Seconds": 30, "Next": "Describe"},
    })
    assert found(_create_then("createNodegroup.sync", NODEGROUP, pattern="", ql=ql, between=poll), "EKS033") == []


def test_cluster_used_inside_a_parallel_branch():
    data = definition({
        "Create": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster", "Parameters": CREATE, "Next": "Both"},
        "Both": {"Type": "Parallel", "End": True, "Branches": [{"StartAt": "Ng", "States": {
            "Ng": {"Type": "Task", "Resource": "arn:aws:states:::eks:createNodegroup.sync", "Parameters": NODEGROUP, "End": True}}}]},
    }, "Create")
    (hit,) = found(data, "EKS033")
    assert hit.pointer == "/States/Both/Branches/0/States/Ng"


@pytest.mark.parametrize("ql", QLS)
@pytest.mark.parametrize("use", ["runJob.sync", "call"])
def test_kubernetes_api_on_a_cluster_created_without_public_endpoint(ql, use):
    params = run_params() if use.startswith("runJob") else call_params()
    private = {**CREATE, "ResourcesVpcConfig": {"SubnetIds": SUBNETS, "EndpointPublicAccess": False}}
    (hit,) = found(_create_then(use, params, ql=ql, create=private), "EKS034")
    assert hit.severity == "error" and hit.pointer == "/States/Use/Resource"
    public = {**CREATE, "ResourcesVpcConfig": {"SubnetIds": SUBNETS, "EndpointPublicAccess": True}}
    assert found(_create_then(use, params, ql=ql, create=public), "EKS034") == []
    assert found(_create_then(use, params, ql=ql), "EKS034") == []
