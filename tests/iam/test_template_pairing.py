"""Definitions paired with their role's policies by the template they sit in (Templates' extractor)."""

from aslint.core.settings import Settings

from .helpers import by_code, lint_files

TEMPLATE = """AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Service: states.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: eks
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [eks:DescribeCluster, eks:ListClusters]
                Resource: !Sub arn:${AWS::Partition}:eks:${AWS::Region}:${AWS::AccountId}:cluster/demo
%(machines)s"""

MACHINE = """  %(name)s:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt Role.Arn
      Definition:
        StartAt: S
        States:
          S:
            Type: Task
            Resource: arn:aws:states:::eks:%(api)s.sync
            Parameters:
              Name: demo
            End: true
"""


def _lint(*machines):
    text = TEMPLATE % {"machines": "".join(MACHINE % {"name": n, "api": a} for n, a in machines)}
    return lint_files({"template.yaml": text}, Settings(select=["IAM"]))


def test_missing_permission_in_template():
    diags = _lint(("Deleter", "deleteCluster"))
    missing = by_code(diags, "IAM001")
    assert len(missing) == 1 and "eks:DeleteCluster" in missing[0].message and missing[0].file == "template.yaml"
    text = TEMPLATE % {"machines": MACHINE % {"name": "Deleter", "api": "deleteCluster"}}
    assert text.splitlines()[missing[0].line - 1].strip().startswith("Resource: arn:aws:states:::eks:deleteCluster")


def test_shared_role_unused_grants_reported_once_and_against_all_machines():
    diags = _lint(("Deleter", "deleteCluster"), ("Creator", "createCluster"))
    unused = by_code(diags, "IAM030")
    assert len(unused) == 1 and "eks:ListClusters" in unused[0].message and "2 definitions" in unused[0].message
