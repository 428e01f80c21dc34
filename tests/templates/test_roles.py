"""The role link: each extracted definition carries its role's policies for the IAM family."""

from __future__ import annotations

from tpl_helpers import FIXTURES, at, documents, lint
from aslint.core.loader import load
from aslint.templates import cloudformation


def _analyse(text: str, name: str = "template.yaml"):
    import tempfile, os

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, name)
        with open(path, "w") as handle:
            handle.write(text)
        loaded = load(path)
    host = loaded.documents[0]
    assert cloudformation.is_template(host.data)
    docs = cloudformation.extract(host)
    return host, docs, host.cache["tpl.analysis"]


def _definition(docs):
    return next(d for d in docs if d.kind == "asl")


CFN = """\
Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt MachineRole.Arn
      Definition:
        StartAt: A
        States:
          A: {Type: Succeed}
  MachineRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: states.amazonaws.com}, Action: sts:AssumeRole}]
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AWSLambdaRole
        - !Ref Shared
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: lambda:InvokeFunction
                Resource: !Sub arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:work
  Attached:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: attached
      Roles: [!Ref MachineRole]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - {Effect: Allow, Action: sns:Publish, Resource: "*"}
  Shared:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - {Effect: Allow, Action: sqs:SendMessage, Resource: "*"}
  Unrelated:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: other
      Roles: [SomeoneElse]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - {Effect: Allow, Action: "s3:*", Resource: "*"}
"""


def test_cloudformation_role_policies_inline_attached_and_managed():
    host, docs, analysis = _analyse(CFN)
    definition = _definition(docs)
    ctx = definition.context
    assert ctx["role_resource"] == "MachineRole"
    assert ctx["role_arn"] == "${MachineRole.Arn}"
    actions = [p.data["Statement"][0]["Action"] for p in ctx["role_policies"]]
    assert actions == ["lambda:InvokeFunction", "sqs:SendMessage", "sns:Publish"]
    # intrinsics in a policy become text with placeholders; the partition is known
    assert ctx["role_policies"][0].data["Statement"][0]["Resource"] == \
        "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:work"
    # AWS-managed policy: named, not guessed
    assert len(ctx["role_policy_notes"]) == 1 and "AWSLambdaRole" in ctx["role_policy_notes"][0]
    # positions of a policy document are the template's
    line, col, _, _ = ctx["role_policies"][2].locate("/Statement/0/Action")
    assert at(CFN, line, col, 11) == "sns:Publish"
    # every policy of the template is also handed over to be linted, the unrelated one included
    policies = [d for d in docs if d.kind != "asl"]
    assert len(policies) == 4
    assert all(set(p.data) >= {"Statement"} for p in policies)


def test_tpl005_says_which_policy_was_not_read():
    d = next(d for d in lint(CFN) if d.code == "TPL005")
    assert d.severity == "info" and d.line == 16
    assert "AWSLambdaRole" in d.message


SAM = """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A: {Type: Succeed}
      Policies:
        - AWSXrayWriteOnlyAccess
        - LambdaInvokePolicy:
            FunctionName: !Ref Worker
        - DynamoDBReadPolicy:
            TableName: orders
        - NoSuchPolicyTemplate: {}
        - Statement:
            - Effect: Allow
              Action: eks:DescribeCluster
              Resource: "*"
"""


def test_sam_policies_templates_are_expanded_and_unknowns_noted():
    host, docs, analysis = _analyse(SAM)
    ctx = _definition(docs).context
    assert ctx["role_arn"] == "${MachineRole.Arn}"
    datas = [p.data for p in ctx["role_policies"]]
    assert datas[0]["Statement"][0]["Action"] == ["lambda:InvokeFunction"]
    assert datas[0]["Statement"][0]["Resource"] == \
        "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Worker}*"
    assert datas[1]["Statement"][0]["Resource"][0] == "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders"
    assert datas[2]["Statement"][0]["Action"] == "eks:DescribeCluster"
    notes = ctx["role_policy_notes"]
    assert any("AWSXrayWriteOnlyAccess" in n for n in notes)
    assert any("NoSuchPolicyTemplate" in n for n in notes)
    # an expanded SAM template points at its entry in the template
    line, _, _, _ = ctx["role_policies"][0].locate("/Statement/0/Action")
    assert line == 12
    # SAM's own templates are not handed over to be linted; the inline statement is
    linted = [d for d in docs if d.kind != "asl"]
    assert [d.data for d in linted] == [datas[2]]


def test_role_outside_the_template_is_a_note_not_a_guess():
    text = CFN.replace("RoleArn: !GetAtt MachineRole.Arn", "RoleArn: arn:aws:iam::123456789012:role/elsewhere")
    _, docs, _ = _analyse(text)
    ctx = _definition(docs).context
    assert ctx["role_arn"] == "arn:aws:iam::123456789012:role/elsewhere"
    assert "role_policies" not in ctx
    assert "not defined in this template" in ctx["role_policy_notes"][0]


def test_role_named_by_fn_sub_arn_and_role_name():
    text = CFN.replace("RoleArn: !GetAtt MachineRole.Arn",
                       "RoleArn: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${MachineRole}")
    _, docs, _ = _analyse(text)
    assert _definition(docs).context["role_resource"] == "MachineRole"
    text = CFN.replace("RoleArn: !GetAtt MachineRole.Arn", "RoleArn: !Sub ${MachineRole.Arn}")
    _, docs, _ = _analyse(text)
    assert _definition(docs).context["role_resource"] == "MachineRole"


def test_sam_eks_fixture_links_the_role():
    text = (FIXTURES / "sam-eks" / "template.yaml").read_text()
    _, docs, _ = _analyse(text)
    ctx = _definition(docs).context
    actions = ctx["role_policies"][0].data["Statement"][0]["Action"]
    assert "eks:CreateNodegroup" in actions and "eks:DescribeNodegroup" not in actions
    assert _definition(docs).data["States"]["CreateNodegroup"]["Resource"] == "arn:aws:states:::eks:createNodegroup.sync"


def test_completeness_flag_and_sam_connectors():
    _, docs, _ = _analyse(CFN)
    assert _definition(docs).context["role_policies_complete"] is False  # AWSLambdaRole is not read
    complete = CFN.replace("        - arn:aws:iam::aws:policy/AWSLambdaRole\n", "")
    _, docs, _ = _analyse(complete)
    assert _definition(docs).context["role_policies_complete"] is True
    connected = SAM.replace("        - AWSXrayWriteOnlyAccess\n", "").replace("        - NoSuchPolicyTemplate: {}\n", "") + """\
  Link:
    Type: AWS::Serverless::Connector
    Properties:
      Source: {Id: Machine}
      Destination: {Id: Queue}
      Permissions: [Write]
"""
    _, docs, analysis = _analyse(connected)
    ctx = _definition(docs).context
    assert ctx["role_policies_complete"] is False
    assert any("connectors" in n for n in ctx["role_policy_notes"])
    assert any(p.code == "TPL005" and p.pointer == "/Resources/Link" for p in analysis.problems)


def test_role_given_by_odd_values_never_crashes():
    for value in ("!GetAtt [[x], Arn]", "!Ref [a]", "{Ref: {}}", "!Sub ['${X}', {X: [1]}]", "[]"):
        text = CFN.replace("RoleArn: !GetAtt MachineRole.Arn", f"RoleArn: {value}")
        _, docs, _ = _analyse(text)
        assert "role_resource" not in _definition(docs).context
