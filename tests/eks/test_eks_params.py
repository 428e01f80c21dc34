"""EKS001-EKS015: integration patterns, schema checks and literal value formats, in both query languages."""

import pytest

from tests.eks.helpers import EP, ROLE, SUBNETS, call_params, found, run_params, task

QLS = ["JSONPath", "JSONata"]

CLUSTER = {"Name": "MyCluster", "RoleArn": ROLE, "ResourcesVpcConfig": {"SubnetIds": SUBNETS}}
NODEGROUP = {"ClusterName": "MyCluster", "NodegroupName": "ng", "NodeRole": ROLE, "Subnets": SUBNETS}
FARGATE = {"ClusterName": "MyCluster", "FargateProfileName": "fp", "PodExecutionRoleArn": ROLE,
           "Selectors": [{"Namespace": "jobs"}]}

# (code, resource, bad params, good params)
CASES = [
    ("EKS001", "call.waitForTaskToken", call_params(), None),
    ("EKS001", "call.sync", call_params(), None),
    ("EKS001", "createNodeGroup.sync", NODEGROUP, None),
    ("EKS002", "runJob.sync", run_params(Endpoint=None), run_params(Endpoint=None, **{"Endpoint.$": "$.cluster.endpoint"})),
    ("EKS002", "createCluster.sync", {"Name": "c", "RoleArn": ROLE}, CLUSTER),
    ("EKS002", "deleteNodegroup", {"ClusterName": "c"}, {"ClusterName": "c", "NodegroupName": "ng"}),
    ("EKS003", "call", call_params(Endpont=EP, Endpoint=None), call_params()),
    ("EKS003", "createCluster", {**CLUSTER, "ResourcesVpcConfig": {"SubnetIds": SUBNETS, "EndpointPublicAcess": True}},
     {**CLUSTER, "ResourcesVpcConfig": {"SubnetIds": SUBNETS, "EndpointPublicAccess": True}}),
    ("EKS003", "deleteCluster", {"name": "c"}, {"Name": "c"}),
    ("EKS004", "call", call_params(Method="LIST"), call_params(Method="HEAD")),
    ("EKS004", "runJob.sync", run_params(LogOptions={"RetrieveLogs": "true"}), run_params(LogOptions={"RetrieveLogs": True, "LogParameters": {"tailLines": ["5"]}})),
    ("EKS004", "createNodegroup", {**NODEGROUP, "Subnets": "subnet-1"}, NODEGROUP),
    ("EKS004", "runJob", run_params(Job=["not", "a", "job"]), run_params()),
    ("EKS006", "createCluster", {**CLUSTER, "Name": "my.cluster"}, CLUSTER),
    ("EKS006", "call", call_params(ClusterName="x" * 101), call_params(ClusterName="x" * 100)),
    ("EKS006", "deleteCluster", {"Name": "-cluster"}, {"Name": "cluster-1_a"}),
    ("EKS007", "createCluster", {**CLUSTER, "RoleArn": "arn:aws:iam::123456789012:user/bob"}, CLUSTER),
    ("EKS007", "createNodegroup", {**NODEGROUP, "NodeRole": "arn:aws:iam::123456789012:instance-profile/NodeRole"}, NODEGROUP),
    ("EKS007", "createFargateProfile", {**FARGATE, "PodExecutionRoleArn": "arn:aws:sts::123456789012:assumed-role/R/session"},
     {**FARGATE, "PodExecutionRoleArn": "arn:aws-cn:iam::123456789012:role/service-role/R"}),
    ("EKS007", "createCluster", {**CLUSTER, "RoleArn": "MyEKSClusterRole"}, {**CLUSTER, "RoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/R"}),
    ("EKS008", "call", call_params(Endpoint="http://x.eks.amazonaws.com"), call_params()),
    ("EKS008", "runJob", run_params(Endpoint="x.eks.amazonaws.com"), run_params(Endpoint="https://x.eks.amazonaws.com:443")),
    ("EKS009", "call", call_params(CertificateAuthority="-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----"), call_params()),
    ("EKS009", "runJob", run_params(CertificateAuthority="not base64!"), run_params(CertificateAuthority="LS0tLS1CRUd...UtLS0tLQo=")),
    ("EKS010", "createCluster.sync", {**CLUSTER, "ResourcesVpcConfig": {"SubnetIds": ["subnet-1"]}}, CLUSTER),
    ("EKS010", "createCluster", {**CLUSTER, "ResourcesVpcConfig": {"SubnetIds": ["subnet-1", "subnet-1"]}},
     {**CLUSTER, "ResourcesVpcConfig": {"SubnetIds": ["subnet-1"]}, "OutpostConfig": {"OutpostArns": ["arn:aws:outposts:us-east-1:123456789012:outpost/op-1"], "ControlPlaneInstanceType": "m5.large"}}),
    ("EKS011", "createFargateProfile", {**FARGATE, "Selectors": [{"Namespace": f"ns{i}"} for i in range(6)]},
     {**FARGATE, "Selectors": [{"Namespace": f"ns{i}"} for i in range(5)]}),
    ("EKS011", "createFargateProfile.sync", {**FARGATE, "Selectors": [{"Labels": {"a": "b"}}]}, {**FARGATE, "Selectors": [{"Namespace": "n", "Labels": {"a": "b"}}]}),
    ("EKS012", "call", call_params(Path="api/v1/pods"), call_params(Path="/apis/batch/v1/namespaces/default/jobs/j")),
    ("EKS012", "call", call_params(Path="/api/v1/namespaces/default/pods?limit=5"), call_params(Path="/api/v1/namespaces/default/pods/p", QueryParameters={"limit": ["5"]})),
    ("EKS012", "call", call_params(Path="https://x.eks.amazonaws.com/api/v1/pods"), call_params(Path="/api")),
    ("EKS013", "call", call_params(QueryParameters={"limit": 5}), call_params(QueryParameters={"limit": ["5"]})),
    ("EKS013", "runJob.sync", run_params(LogOptions={"RetrieveLogs": True, "LogParameters": {"tailLines": [6]}}),
     run_params(LogOptions={"RetrieveLogs": True, "LogParameters": {"tailLines": ["6"]}})),
    ("EKS014", "runJob", run_params(LogOptions={"RetrieveLogs": True}), run_params()),
    ("EKS015", "call", call_params(Method="POST", Path="/api/v1/namespaces/default/configmaps"),
     call_params(Method="POST", Path="/api/v1/namespaces/default/configmaps", RequestBody={"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}})),
    ("EKS015", "call", call_params(RequestBody={"a": 1}), call_params()),
    ("EKS015", "call", call_params(Method="DELETE", RequestBody={"apiVersion": "batch/v1", "kind": "Job"}),
     call_params(Method="DELETE", RequestBody={"kind": "DeleteOptions", "propagationPolicy": "Background"})),
]


@pytest.mark.parametrize("ql", QLS)
@pytest.mark.parametrize("code,resource,bad,good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_bad_is_flagged_and_good_is_not(code, resource, bad, good, ql):
    hits = found(task(resource, bad, ql), code)
    assert hits, f"{code} should flag {bad}"
    assert all(h.severity in ("error", "warning", "info") and h.message for h in hits)
    if good is not None:
        assert found(task(resource, good, ql), code) == []


@pytest.mark.parametrize("ql", QLS)
def test_supported_patterns_are_accepted(ql):
    for resource, params in [("call", call_params()), ("runJob", run_params()), ("runJob.sync", run_params()),
                             ("createCluster", CLUSTER), ("deleteCluster.sync", {"Name": "c"})]:
        assert found(task(resource, params, ql), "EKS001") == []


def test_partition_forms_are_recognized():
    data = task("call.sync", call_params())
    data["States"]["Task"]["Resource"] = "arn:${AWS::Partition}:states:::eks:call.sync"
    assert found(data, "EKS001")
    data["States"]["Task"]["Resource"] = "arn:aws-us-gov:states:::eks:call"
    assert found(data, "EKS001") == []


def test_unknown_api_gets_did_you_mean():
    (hit,) = found(task("createNodeGroup.sync", NODEGROUP), "EKS001")
    assert "eks:createNodegroup" in hit.message and hit.pointer == "/States/Task/Resource"


def test_unknown_parameter_did_you_mean_and_key_position():
    (hit,) = found(task("call", call_params(Endpont=EP, Endpoint=None)), "EKS003")
    assert "did you mean 'Endpoint'" in hit.message
    assert hit.pointer == "/States/Task/Parameters/Endpont"
    (hit,) = found(task("call", call_params(**{"Endpont.$": "$.e"}, Endpoint=None)), "EKS003")
    assert hit.pointer == "/States/Task/Parameters/Endpont.$"


def test_camel_case_parameter_says_pascal_case():
    (hit,) = found(task("deleteCluster", {"name": "c"}), "EKS003")
    assert "PascalCase" in hit.message and "'Name'" in hit.message


def test_dynamic_values_satisfy_required_and_skip_value_checks():
    params = {"ClusterName.$": "$.c", "CertificateAuthority.$": "$.ca", "Endpoint.$": "$.e", "Method.$": "$.m", "Path.$": "$.p"}
    for code in ("EKS002", "EKS004", "EKS008", "EKS009", "EKS012"):
        assert found(task("call", params), code) == []
    args = {"ClusterName": "{% $c %}", "CertificateAuthority": "{% $ca %}", "Endpoint": "{% $e %}", "Method": "{% $m %}", "Path": "{% $p %}"}
    for code in ("EKS002", "EKS004", "EKS008", "EKS009", "EKS012"):
        assert found(task("call", args, "JSONata"), code) == []


def test_key_given_both_ways():
    (hit,) = found(task("deleteCluster", {"Name": "c", "Name.$": "$.n"}), "EKS005")
    assert hit.pointer == "/States/Task/Parameters/Name.$"
    assert found(task("deleteCluster", {"Name.$": "$.n"}), "EKS005") == []
    nested = run_params(Job={**run_params()["Job"], "metadata": {"name": "a", "name.$": "$.n"}})
    assert found(task("runJob", nested), "EKS005")


def test_missing_required_points_at_the_payload_key():
    (hit,) = found(task("deleteCluster", {}), "EKS002")
    assert hit.pointer == "/States/Task/Parameters" and "'Name'" in hit.message


def test_fixes_are_offered():
    (hit,) = found(task("call", call_params(Endpoint="http://x.eks.amazonaws.com")), "EKS008")
    assert hit.fix and hit.fix["edits"][0]["text"] == '"https://x.eks.amazonaws.com"'
    (hit,) = found(task("call", call_params(QueryParameters={"limit": 5})), "EKS013")
    assert hit.fix and hit.fix["edits"][0]["text"].replace(" ", "") == '["5"]'


@pytest.mark.parametrize("broken", [
    {"StartAt": "A", "States": {"A": "not a state"}},
    {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::eks:call", "Parameters": ["x"], "End": True}}},
    {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync", "Parameters": {"Job": "::: not yaml: [", "LogOptions": [1]}, "End": True}}},
    {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::eks:call", "Parameters": {"QueryParameters": [1], "Method": 3, "Path": None}, "End": True}}},
    {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::eks:createFargateProfile", "Parameters": {"Selectors": ["x", None, {"Namespace": 1}], "ResourcesVpcConfig": 5}, "End": True}}},
    {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::eks:runJob", "Parameters": {"Job": {"spec": {"template": {"spec": {"containers": [1, {"name": 2}]}}}, "metadata": []}}, "End": True}}},
    [1, 2, 3],
])
def test_no_internal_error_on_broken_input(broken):
    diags = __import__("tests.eks.helpers", fromlist=["lint"]).lint(broken, ["EKS", "PAY"])
    assert "ASL000" not in {d.code for d in diags}


@pytest.mark.parametrize("ql", QLS)
def test_misspelt_required_field_is_reported_once(ql):
    data = task("call", call_params(Endpont=EP, Endpoint=None), ql)
    assert found(data, "EKS003") and found(data, "EKS002") == []
    assert found(task("call", call_params(Endpoint=None), ql), "EKS002")


@pytest.mark.parametrize("ql", QLS)
def test_role_arn_with_template_placeholders(ql):
    def hits(arn):
        return found(task("createCluster", {**CLUSTER, "RoleArn": arn}, ql), "EKS007")
    assert hits("arn:${AWS::Partition}:iam::${AWS::AccountId}:user/bob")
    assert hits("arn:aws:iam::123456789012:role/")
    assert hits("*")
    assert hits("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}") == []
    assert hits("${ClusterRoleArn}") == []
