"""State machines inside CloudFormation/SAM templates: found, linted, reported in the template."""

from __future__ import annotations

import json

from tpl_helpers import at, documents, lint


def codes(diags):
    return sorted({d.code for d in diags})


SAM_INLINE = """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: First
        States:
          First:
            Type: Pass
            Next: Missing
          Done:
            Type: Succeed
"""


def test_inline_definition_findings_point_into_the_template():
    diags = lint(SAM_INLINE)
    missing = [d for d in diags if d.code == "ASL201"]
    assert missing, codes(diags)
    d = missing[0]
    assert (d.file, d.line) == ("template.yaml", 11)
    assert at(SAM_INLINE, d.line, d.column, 7) == "Missing"
    assert d.state == "First"
    unreachable = [d for d in diags if d.code == "ASL203"]
    assert unreachable and unreachable[0].line == 12


def test_inline_definition_in_json_template():
    template = json.dumps({"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
        "RoleArn": "arn:aws:iam::123456789012:role/R",
        "Definition": {"StartAt": "Nope", "States": {"A": {"Type": "Succeed"}}}}}}}, indent=2)
    diags = lint(template, "template.json")
    d = next(d for d in diags if d.code == "ASL200")
    assert at(template, d.line, d.column, 6) == '"Nope"'


def test_a_clean_template_gives_no_errors():
    clean = SAM_INLINE.replace("Next: Missing", "Next: Done")
    assert [d for d in lint(clean) if d.severity == "error"] == []


FN_SUB = """\
Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt Role.Arn
      DefinitionString: !Sub |
        {
          "StartAt": "Call",
          "States": {
            "Call": {
              "Type": "Task",
              "Resource": "arn:${AWS::Partition}:states:::lambda:invoke",
              "Parameters": {"FunctionName": "${Worker.Arn}"},
              "Next": "Gone"
            }
          }
        }
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
"""


def test_definition_string_fn_sub_maps_offsets_into_the_yaml_block():
    diags = lint(FN_SUB)
    d = next(d for d in diags if d.code == "ASL201")
    assert d.line == 14
    assert at(FN_SUB, d.line, d.column, 6) == '"Gone"'
    assert d.pointer == "/Resources/Machine/Properties/DefinitionString" and d.state == "Call"
    # ${Worker.Arn} is an unknown value, not an error
    assert not [x for x in diags if x.code.startswith("ASL1") and x.line == 13]


CDK = {
    "Resources": {
        "Role1": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}},
        "Machine": {
            "Type": "AWS::StepFunctions::StateMachine",
            "Properties": {
                "RoleArn": {"Fn::GetAtt": ["Role1", "Arn"]},
                "DefinitionString": {"Fn::Join": ["", [
                    "{\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\",\"Resource\":\"arn:",
                    {"Ref": "AWS::Partition"},
                    ":states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"",
                    {"Fn::GetAtt": ["Fn", "Arn"]},
                    "\"},\"Next\":\"Nowhere\"}},\"TimeoutSeconds\":",
                    {"Ref": "Timeout"},
                    "}",
                ]]},
            },
        },
    }
}


def test_fn_join_definition_string_cdk_style():
    text = json.dumps(CDK, indent=1)
    diags = lint(text, "Stack.template.json")
    assert "TPL003" not in codes(diags), [d.message for d in diags]
    d = next(d for d in diags if d.code == "ASL201")
    assert at(text, d.line, d.column, 10) == '\\"Nowhere\\'
    docs = documents(text, "Stack.template.json")
    definition = next(doc for doc in docs if doc.kind == "asl")
    work = definition.data["States"]["Work"]
    assert work["Resource"] == "arn:aws:states:::lambda:invoke"  # AWS::Partition -> aws
    assert work["Parameters"]["FunctionName"] == "${Fn.Arn}"  # unknown stays a ${...} placeholder
    assert definition.data["TimeoutSeconds"] == "${Timeout}"  # a bare unknown is kept parseable
    assert definition.context["role_resource"] == "Role1"


SUBSTITUTIONS = """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionSubstitutions:
        Target: NotAState
        Unknown: !GetAtt Something.Arn
      Definition:
        StartAt: Choose
        States:
          Choose:
            Type: Choice
            Choices:
              - Variable: $.x
                IsPresent: true
                Next: ${Target}
            Default: ${Unknown}
          Done:
            Type: Succeed
"""


def test_known_substitutions_are_checked_and_unknown_ones_are_not_errors():
    diags = lint(SUBSTITUTIONS)
    targets = [d for d in diags if d.code == "ASL201"]
    assert any("NotAState" in d.message and d.line == 17 for d in targets), [(d.line, d.message) for d in targets]
    docs = documents(SUBSTITUTIONS)
    definition = next(doc for doc in docs if doc.kind == "asl")
    assert definition.data["States"]["Choose"]["Default"] == "${Something.Arn}"
    assert definition.context["substitutions"]["Target"] == "NotAState"
    assert definition.context["substituted"] is True


def test_invalid_definition_string_is_tpl003_with_the_template_position():
    broken = FN_SUB.replace('"StartAt": "Call",', '"StartAt": "Call"')
    diags = lint(broken)
    d = next(d for d in diags if d.code == "TPL003")
    assert d.severity == "error"
    assert "line 9" in d.message  # where the JSON breaks, in the template
    assert d.line == 6


def test_definition_s3_location_is_reported_not_linted():
    text = """\
Resources:
  M:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/R
      DefinitionS3Location: {Bucket: b, Key: k}
"""
    d = next(d for d in lint(text) if d.code == "TPL001")
    assert d.severity == "info" and d.line == 6


def test_incomplete_definition_is_tpl004():
    text = SAM_INLINE.replace("""        States:
          First:
            Type: Pass
            Next: Missing
          Done:
            Type: Succeed
""", "")
    diags = lint(text)
    assert codes(diags) == ["TPL004"]
    assert diags[0].line == 6


def test_duplicate_key_in_an_inline_definition_is_reported_once():
    text = SAM_INLINE.replace("          Done:\n", "          First:\n            Type: Pass\n            End: true\n          Done:\n")
    dups = [d for d in lint(text) if d.code == "ASL002"]
    assert len(dups) == 1, [(d.line, d.pointer) for d in dups]
    assert dups[0].line == 12 and dups[0].state is not None


def test_duplicate_key_elsewhere_in_the_template_is_still_reported():
    text = SAM_INLINE.replace("Resources:\n", "Resources:\n  Other: {Type: AWS::SNS::Topic, Type: AWS::SNS::Topic}\n")
    dups = [d for d in lint(text) if d.code == "ASL002"]
    assert len(dups) == 1 and dups[0].line == 3


def test_template_without_state_machine_or_policy_is_not_claimed():
    text = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n"
    assert documents(text) == []


def test_hostile_template_values_never_crash():
    text = """\
Resources:
  A: !Sub
  B: [1, 2]
  M:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !Join ["", [!Ref X]]
      DefinitionString: !Join [",", 5]
  N:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: {"Fn::If": [C, "{}", "{}"]}
      DefinitionSubstitutions: [1]
  O:
    Type: AWS::Serverless::StateMachine
    Properties: "nope"
  P:
    Type: AWS::Serverless::StateMachine
    Properties:
      Policies: {"Fn::If": [C, [], []]}
      DefinitionUri: ../../../../etc/nonexistent.json
      Definition: 12
"""
    diags = lint(text)
    assert "ASL000" not in codes(diags), [d.message for d in diags if d.code == "ASL000"]
    assert {"TPL001", "TPL003", "TPL004"} <= set(codes(diags))


PLACEHOLDERS = """\
Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/R
      DefinitionSubstitutions:
        Known: arn:aws:lambda:us-east-1:123456789012:function:known
      DefinitionString: !Sub
        - |
          {"StartAt": "A", "States": {
            "A": {"Type": "Task", "Resource": "${!Known}", "Next": "B"},
            "B": {"Type": "Task", "Resource": "${!Typo}", "Next": "C"},
            "C": {"Type": "Task", "Resource": "${Fn.Arn}", "Next": "D"},
            "D": {"Type": "Task", "Resource": "${Local}", "End": true}}}
        - Local: !GetAtt Other.Arn
"""


def test_undefined_definition_substitution_is_tpl006_at_the_placeholder():
    diags = [d for d in lint(PLACEHOLDERS) if d.code == "TPL006"]
    assert len(diags) == 1, [(d.line, d.message) for d in diags]
    d = diags[0]
    assert "${Typo}" in d.message and d.state == "B" and d.severity == "warning"
    assert at(PLACEHOLDERS, d.line, d.column, 10) == '"${!Typo}"'
    docs = documents(PLACEHOLDERS)
    definition = next(doc for doc in docs if doc.kind == "asl")
    states = definition.data["States"]
    assert states["A"]["Resource"] == "arn:aws:lambda:us-east-1:123456789012:function:known"
    assert (states["B"]["Resource"], states["C"]["Resource"], states["D"]["Resource"]) == ("${Typo}", "${Fn.Arn}", "${Other.Arn}")


RUNJOB = """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Run
        States:
          Run:
            Type: Task
            Resource: arn:aws:states:::eks:runJob.sync
            Parameters:
              ClusterName: CLUSTER
              CertificateAuthority: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM=
              Endpoint: https://444455556666.yl4.us-east-1.eks.amazonaws.com
              Job:
                apiVersion: batch/v1
                kind: Job
                metadata: {name: pi}
                spec:
                  backoffLimit: 0
                  template:
                    spec:
                      containers:
                        - name: pi
                          image: perl
                          command: [perl, -e, print 1]
                      restartPolicy: Always
            End: true
"""


def test_a_fix_in_an_inline_definition_edits_the_template():
    d = next(d for d in lint(RUNJOB) if d.code == "EKS023")
    assert d.line == 28 and d.fix is not None
    edit = d.fix["edits"][0]
    assert (edit["line"], edit["text"]) == (28, "Never")


def test_no_fix_where_aslint_substituted_values():
    text = RUNJOB.replace("ClusterName: CLUSTER", "ClusterName: ${Cluster}").replace(
        "      Definition:", "      DefinitionSubstitutions:\n        Cluster: workers\n      Definition:")
    d = next(d for d in lint(text) if d.code == "EKS023")
    assert d.fix is None  # the definition holds substituted text: a fix could write it back
