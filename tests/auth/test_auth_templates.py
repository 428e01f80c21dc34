"""aws-auth written by a CDK template (Custom::AWSCDK-EKS-KubernetesResource with an Fn::Join manifest)."""

from __future__ import annotations

import json

from .helpers import by_code, cli, lint


def template(role_literal: str) -> str:
    head = ('[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"aws-auth","namespace":"kube-system"},'
            '"data":{"mapRoles":"[{\\"rolearn\\":\\"')
    middle = ('\\",\\"username\\":\\"system:node:{{EC2PrivateDNSName}}\\",\\"groups\\":[\\"system:bootstrappers\\",'
              '\\"system:nodes\\"]},{\\"rolearn\\":\\"' + role_literal + '\\",\\"username\\":\\"runner\\",'
              '\\"groups\\":[\\"runners\\"]}]"}}]')
    data = {"Resources": {
        "NodeRole": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}},
        "AwsAuth": {"Type": "Custom::AWSCDK-EKS-KubernetesResource", "Properties": {
            "ServiceToken": "arn:aws:lambda:us-east-1:111122223333:function:x",
            "Manifest": {"Fn::Join": ["", [head, {"Fn::GetAtt": ["NodeRole", "Arn"]}, middle]]},
            "ClusterName": "c"}}}}
    return json.dumps(data, indent=1)


def test_cdk_manifest_is_linted_and_fixed_in_the_join(tmp_path):
    bad = template("arn:aws:iam::111122223333:role/service-role/Runner")
    good = template("arn:aws:iam::111122223333:role/Runner")
    (d,) = by_code(lint(bad, "stack.template.json"), "AUTH001")
    line = bad.splitlines()[d.line - 1]
    assert line[d.column - 1:].startswith('\\\\\\"arn:aws:iam::111122223333:role/service-role/Runner')
    assert lint(good, "stack.template.json") == []
    target = tmp_path / "stack.template.json"
    target.write_text(bad)
    cli("check", "--select", "AUTH001", "--fix", str(target))
    assert target.read_text() == good


def test_token_arns_are_not_judged():
    # the node role is a Fn::GetAtt: it becomes ${NodeRole.Arn}, neither malformed nor pathed
    assert lint(template("arn:aws:iam::111122223333:role/Runner"), "stack.template.json") == []
