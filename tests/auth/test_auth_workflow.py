"""aws-auth written from a workflow: method/path (AUTH009, AUTH010) and ordering (AUTH011, AUTH012)."""

from __future__ import annotations

import json

from .helpers import by_code, lint

NODE = {"rolearn": "arn:aws:iam::111122223333:role/NodeInstanceRole", "username": "system:node:{{EC2PrivateDNSName}}",
        "groups": ["system:bootstrappers", "system:nodes"]}
SFN = {"rolearn": "arn:aws:iam::111122223333:role/StepFunctionsEksRole", "username": "step-functions", "groups": ["batch-runners"]}


def call(method, path, roles, nxt=None, cluster="MyCluster", body_as_string=False):
    body = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "aws-auth", "namespace": "kube-system"},
            "data": {"mapRoles": json.dumps(roles)}}
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:call",
             "Parameters": {"ClusterName": cluster, "CertificateAuthority": "x", "Endpoint": "https://e", "Method": method,
                            "Path": path, "RequestBody": json.dumps(body) if body_as_string else body}}
    state.update({"Next": nxt} if nxt else {"End": True})
    return state


def task(action, params, nxt=None):
    state = {"Type": "Task", "Resource": f"arn:aws:states:::eks:{action}.sync", "Parameters": params}
    state.update({"Next": nxt} if nxt else {"End": True})
    return state


def nodegroup(nxt=None, cluster="MyCluster", role="arn:aws:iam::111122223333:role/NodeInstanceRole"):
    return task("createNodegroup", {"ClusterName": cluster, "NodegroupName": "ng", "NodeRole": role, "Subnets": ["s"]}, nxt)


def fargate(nxt=None, cluster="MyCluster"):
    return task("createFargateProfile", {"ClusterName": cluster, "FargateProfileName": "fp",
                                         "PodExecutionRoleArn": "arn:aws:iam::111122223333:role/FargatePodRole"}, nxt)


def machine(start, **states):
    return json.dumps({"StartAt": start, "States": states}, indent=2)


COLLECTION = "/api/v1/namespaces/kube-system/configmaps"
OBJECT = COLLECTION + "/aws-auth"


def codes(text):
    return {d.code for d in lint(text, "wf.asl.json")}


def test_post_to_object_and_put_to_collection():
    assert by_code(lint(machine("A", A=call("POST", OBJECT, [SFN])), "wf.asl.json"), "AUTH010")
    assert by_code(lint(machine("A", A=call("PUT", COLLECTION, [SFN])), "wf.asl.json"), "AUTH010")
    assert not by_code(lint(machine("A", A=call("POST", COLLECTION, [SFN])), "wf.asl.json"), "AUTH010")
    assert not by_code(lint(machine("A", A=call("PUT", OBJECT, [SFN])), "wf.asl.json"), "AUTH010")


def test_wrong_namespace_in_path():
    (d,) = by_code(lint(machine("A", A=call("PUT", "/api/v1/namespaces/default/configmaps/aws-auth", [SFN])), "wf.asl.json"), "AUTH009")
    assert d.pointer == "/States/A/Parameters/Path" and "kube-system" in d.hint
    assert not by_code(lint(machine("A", A=call("PUT", OBJECT, [SFN])), "wf.asl.json"), "AUTH009")


def test_post_after_fargate_profile_conflicts():
    text = machine("F", F=fargate("A"), A=call("POST", COLLECTION, [SFN]))
    (d,) = by_code(lint(text, "wf.asl.json"), "AUTH011")
    assert d.pointer == "/States/A/Parameters/Method" and "409" in d.message
    # creating aws-auth first is the fix
    assert "AUTH011" not in codes(machine("A", A=call("POST", COLLECTION, [SFN], "F"), F=fargate()))
    # another cluster is no conflict
    assert "AUTH011" not in codes(machine("F", F=fargate("A", cluster="Other"), A=call("POST", COLLECTION, [SFN])))


def test_post_after_node_group_through_a_choice_and_catch():
    text = machine("N", N=nodegroup("C"),
                   C={"Type": "Choice", "Choices": [{"Variable": "$.x", "BooleanEquals": True, "Next": "W"}], "Default": "D"},
                   W={"Type": "Wait", "Seconds": 1, "Next": "A"}, D={"Type": "Succeed"},
                   A=call("POST", COLLECTION, [NODE, SFN]))
    assert "AUTH011" in codes(text)


def test_put_after_node_group_must_keep_the_node_role():
    text = machine("N", N=nodegroup("A"), A=call("PUT", OBJECT, [SFN]))
    (d,) = by_code(lint(text, "wf.asl.json"), "AUTH012")
    assert d.pointer == "/States/A/Parameters/RequestBody" and "NodeInstanceRole" in d.hint
    assert "AUTH012" not in codes(machine("N", N=nodegroup("A"), A=call("PUT", OBJECT, [NODE, SFN])))
    # the node role with a path is still the same role for aws-auth
    assert "AUTH012" not in codes(machine("N", N=nodegroup("A", role="arn:aws:iam::111122223333:role/eks/NodeInstanceRole"),
                                          A=call("PUT", OBJECT, [NODE, SFN])))


def test_put_after_fargate_must_keep_the_pod_execution_role():
    text = machine("F", F=fargate("A"), A=call("PUT", OBJECT, [SFN], body_as_string=True))
    assert "AUTH012" in codes(text)
    pod = {"rolearn": "arn:aws:iam::111122223333:role/FargatePodRole", "username": "system:node:{{SessionName}}",
           "groups": ["system:bootstrappers", "system:nodes", "system:node-proxier"]}
    assert "AUTH012" not in codes(machine("F", F=fargate("A"), A=call("PUT", OBJECT, [pod, SFN], body_as_string=True)))


def test_put_before_node_group_is_fine():
    assert "AUTH012" not in codes(machine("A", A=call("PUT", OBJECT, [SFN], "N"), N=nodegroup()))


def test_string_request_body_is_linted_in_place():
    text = machine("A", A=call("POST", COLLECTION, [dict(SFN, rolearn="arn:aws:iam::111122223333:role/service-role/S")],
                               body_as_string=True))
    (d,) = by_code(lint(text, "wf.asl.json"), "AUTH001")
    assert d.pointer == "/States/A/Parameters/RequestBody" and d.state == "A"
    line = text.splitlines()[d.line - 1]
    assert line[d.column - 1:].startswith('\\\\\\"arn:aws:iam::111122223333:role/service-role/S'), line[d.column - 1:][:60]
    assert d.fix is not None
