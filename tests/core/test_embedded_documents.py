"""Embedded documents are first class: an eks:call body is linted by what it is, and every finding
in an embedded document names the enclosing state, points into the host document (RFC 6901) and
obeys the host's suppressions."""

import json

import pytest

from aslint.api import lint_text
from aslint.core.loader import parse
from aslint.core.pointer import resolve

SFN = "arn:aws:iam::111122223333:role/service-role/Runner"
MAP_ROLES = f"- rolearn: {SFN}\n  username: runner\n  groups: [runners]\n"
CONFIGMAP = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "aws-auth", "namespace": "kube-system"},
             "data": {"mapRoles": MAP_ROLES}}
AWS_AUTH = "/api/v1/namespaces/kube-system/configmaps/aws-auth"


def _definition(body, *, method="PUT", path=AWS_AUTH, state_comment=None, top_comment=None) -> dict:
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:call", "End": True,
             "Parameters": {"ClusterName": "c", "CertificateAuthority": "Zm9v", "Endpoint": "https://x.example.com",
                            "Method": method, "Path": path, "RequestBody": body}}
    if state_comment:
        state["Comment"] = state_comment
    definition = {"StartAt": "Write auth", "States": {"Write auth": state}}
    if top_comment:
        definition = {"Comment": top_comment, **definition}
    return definition


def _lint(definition, name="m.asl.json", **kw) -> tuple:
    text = json.dumps(definition, indent=2)
    return text, lint_text(text, name, **kw)


@pytest.mark.parametrize("as_string", [False, True])
def test_finding_in_a_body_names_the_state_and_points_into_the_host(as_string):
    body = json.dumps(CONFIGMAP) if as_string else CONFIGMAP
    text, diags = _lint(_definition(body), select=["AUTH001"])
    (d,) = diags
    assert d.state == "Write auth"
    host = parse("m.asl.json", text)[0][0]
    target = resolve(host.data, d.pointer)  # an RFC 6901 pointer into the host file's document
    expected = "/States/Write auth/Parameters/RequestBody" + ("" if as_string else "/data/mapRoles")
    assert d.pointer == expected and target is not None
    assert SFN in text.splitlines()[d.line - 1][d.column - 1:].replace("\\", "")


def test_iam_finding_on_a_policy_in_a_template_points_into_the_template():
    template = {"Resources": {
        "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}, "Policies": [
            {"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]}}}}
    text = json.dumps(template, indent=2)
    diags = [d for d in lint_text(text, "template.json") if d.code.startswith("IAM")]
    assert diags
    host = parse("template.json", text)[0][0]
    for d in diags:
        assert d.pointer.startswith("/Resources/Role/Properties/Policies/0/PolicyDocument"), d.pointer
        assert resolve(host.data, d.pointer) is not None


@pytest.mark.parametrize("where", ["state", "top"])
@pytest.mark.parametrize("as_string", [False, True])
def test_host_comments_silence_findings_in_the_body(where, as_string):
    body = json.dumps(CONFIGMAP) if as_string else CONFIGMAP
    loud = _lint(_definition(body), select=["AUTH001"])[1]
    assert [d.code for d in loud] == ["AUTH001"]
    kw = {"state_comment": "aslint: ignore[AUTH001]"} if where == "state" else {"top_comment": "aslint: ignore[AUTH]"}
    assert _lint(_definition(body, **kw), select=["AUTH001"])[1] == []


def test_an_ordinary_configmap_body_gets_no_asl_finding():
    body = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "default"},
            "data": {"mode": "fast"}}
    _, diags = _lint(_definition(body, method="POST", path="/api/v1/namespaces/default/configmaps"))
    assert [d for d in diags if d.code.startswith("ASL")] == []


def test_a_list_body_is_not_linted_as_a_state_machine():
    body = {"apiVersion": "v1", "kind": "List", "items": [
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"k": "v"}}]}
    _, diags = _lint(_definition(body, method="POST", path="/api/v1/namespaces/default/configmaps"))
    assert [d for d in diags if d.code.startswith("ASL")] == []


def test_body_kinds():
    from aslint.auth.kind import body_kind

    assert body_kind(CONFIGMAP) == "aws-auth"
    assert body_kind({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role"}) == "k8s-rbac"
    assert body_kind({"apiVersion": "v1", "kind": "ConfigMap", "data": {"x": "y"}}) == "kubernetes"
    assert body_kind({"data": {"mapRoles": MAP_ROLES}}) == "unknown"  # no aws-auth path to say so
    assert body_kind("text") == "unknown"


@pytest.mark.parametrize("as_string", [False, True])
def test_a_data_only_patch_of_aws_auth_is_checked(as_string):
    body = {"data": {"mapRoles": MAP_ROLES}}
    body = json.dumps(body) if as_string else body
    _, diags = _lint(_definition(body, method="PATCH"), select=["AUTH"])
    codes = [d.code for d in diags]
    assert "AUTH001" in codes, codes
    assert "AUTH009" not in codes  # a patch has no metadata to check
    good = {"data": {"mapRoles": MAP_ROLES.replace("service-role/", "")}}
    assert "AUTH001" not in [d.code for d in _lint(_definition(good, method="PATCH"), select=["AUTH"])[1]]
