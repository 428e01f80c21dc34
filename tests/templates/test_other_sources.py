"""DefinitionUri files, ACK manifests, Terraform JSON plans, and a whole mixed repository."""

from __future__ import annotations

import json
import shutil

import pytest

from tpl_helpers import FIXTURES, at, lint, ruleset, run_paths
from aslint.core.engine import lint_file


def _diags(results):
    return [d for r in results for d in r.diagnostics]


def test_definition_uri_file_is_linted_with_substitutions_and_reported_in_its_own_file(tmp_path):
    shutil.copytree(FIXTURES / "sam-eks", tmp_path / "app")
    template = tmp_path / "app" / "cleanup-template.yaml"
    definition = tmp_path / "app" / "statemachine" / "cleanup.asl.json"
    results = run_paths([template])
    diags = _diags(results)
    missing = [d for d in diags if d.code == "ASL201"]
    # ${AfterDelete} -> Finished (a literal substitution): now checkable, and it names no state
    assert len(missing) == 1 and "Finished" in missing[0].message
    assert missing[0].file.endswith("statemachine/cleanup.asl.json")
    text = definition.read_text()
    assert text.splitlines()[missing[0].line - 1].strip().startswith('"Next"')
    assert not missing[0].edits  # never an edit computed for another file's text


def test_definition_uri_with_the_file_also_linted_reports_each_finding_once(tmp_path):
    shutil.copytree(FIXTURES / "sam-eks", tmp_path / "app")
    results = run_paths([tmp_path / "app" / "cleanup-template.yaml",
                         tmp_path / "app" / "statemachine" / "cleanup.asl.json"])
    unreachable = [d for d in _diags(results) if d.code == "ASL203"]
    assert len(unreachable) == 1


def test_definition_uri_missing_file_and_case_hint(tmp_path):
    (tmp_path / "statemachine").mkdir()
    (tmp_path / "statemachine" / "Machine.asl.json").write_text('{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}')
    template = tmp_path / "template.yaml"
    template.write_text("Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n"
                        "    Properties:\n      DefinitionUri: statemachine/machine.asl.json\n")
    diags = _diags(run_paths([template]))
    d = next(d for d in diags if d.code == "TPL002")
    assert d.line == 6 and "Machine.asl.json" in d.hint and "case-sensitive" in d.hint


def test_definition_uri_s3_object_is_not_linted():
    text = ("Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n"
            "    Properties:\n      DefinitionUri:\n        Bucket: b\n        Key: k.json\n")
    d = next(d for d in lint(text) if d.code == "TPL001")
    assert d.line == 6 and d.severity == "info"


def test_ack_manifest_definition_positions():
    path = FIXTURES / "ack-statemachine.yaml"
    text = path.read_text()
    result = lint_file(str(path), ruleset(), explicit=True)
    assert "ack-statemachine" in result.kinds and "asl" in result.kinds
    d = next(d for d in result.diagnostics if d.code == "ASL201")
    assert at(text, d.line, d.column, 8) == '"Finish"'
    definition = next(doc for doc in result.documents if doc.kind == "asl")
    assert definition.context["role_arn"] == "arn:aws:iam::123456789012:role/service-role/CleanupRole"


def test_ack_reference_example(shared):
    result = lint_file(str(shared / "reference" / "examples" / "ack-statemachine.yaml"), ruleset(), explicit=True)
    assert [doc.kind for doc in result.documents] == ["ack-statemachine", "asl"]
    assert [d for d in result.diagnostics if d.severity == "error"] == []


def test_ack_invalid_definition_string():
    text = (FIXTURES / "ack-statemachine.yaml").read_text().replace('"StartAt": "Delete",', '"StartAt": "Delete"')
    d = next(d for d in lint(text, "ack.yaml") if d.code == "TPL003")
    assert "line 11" in d.message


def test_terraform_plan_definition_and_role_policies():
    path = FIXTURES / "terraform" / "plan.json"
    text = path.read_text()
    result = lint_file(str(path), ruleset(), explicit=True)
    assert "terraform-plan" in result.kinds
    d = next(d for d in result.diagnostics if d.code == "ASL201")
    assert at(text, d.line, d.column, 10) == '\\"Report\\"'
    definition = next(doc for doc in result.documents if doc.kind == "asl")
    ctx = definition.context
    assert ctx["role_resource"] == "aws_iam_role.sfn"
    actions = [p.data["Statement"][0]["Action"] for p in ctx["role_policies"]]
    assert actions == [["eks:DescribeCluster"], ["logs:CreateLogDelivery"]]
    assert any("AWSXrayWriteOnlyAccess" in n for n in ctx["role_policy_notes"])
    # a policy's positions are in the plan file too
    line, col, _, _ = ctx["role_policies"][0].locate("/Statement/0/Action/0")
    assert at(text, line, col, 22) == '\\"eks:DescribeCluster\\'


def test_terraform_state_json_without_configuration(tmp_path):
    plan = json.loads((FIXTURES / "terraform" / "plan.json").read_text())
    state = {"format_version": "1.0", "terraform_version": "1.9.5", "values": plan["planned_values"]}
    state["values"]["root_module"]["resources"][1]["values"]["arn"] = "arn:aws:iam::123456789012:role/jobs-sfn"
    state["values"]["root_module"]["resources"][0]["values"]["role_arn"] = "arn:aws:iam::123456789012:role/jobs-sfn"
    path = tmp_path / "state.json"
    path.write_text(json.dumps(state, indent=2))
    result = lint_file(str(path), ruleset(), explicit=True)
    definition = next(doc for doc in result.documents if doc.kind == "asl")
    assert definition.context["role_resource"] == "aws_iam_role.sfn"
    # matched by the role's name: the inline policy and the attachment
    assert len(definition.context["role_policies"]) == 1


def test_a_mixed_repository_takes_each_file_for_what_it_is(tmp_path, shared):
    repo = tmp_path / "repo"
    (repo / "infra").mkdir(parents=True)
    (repo / "k8s").mkdir()
    (repo / "policies").mkdir()
    shutil.copytree(FIXTURES / "sam-eks", repo / "app")
    examples = shared / "reference" / "examples"
    shutil.copy(examples / "create-nodegroup.asl.json", repo / "create-nodegroup.asl.json")
    shutil.copy(examples / "sample-project-eks-policy.json", repo / "policies" / "eks-policy.json")
    shutil.copy(examples / "blog-rbac-role.yaml", repo / "k8s" / "role.yaml")
    shutil.copy(examples / "ack-statemachine.yaml", repo / "k8s" / "machine.yaml")
    shutil.copy(FIXTURES / "terraform" / "plan.json", repo / "infra" / "plan.json")
    shutil.copy(FIXTURES / "aws-auth.yaml", repo / "k8s" / "aws-auth.yaml")
    (repo / "README.yaml").write_text("title: not a document aslint knows\n")
    from aslint.core.discovery import expand
    targets, problems = expand([str(repo)], ruleset().settings.exclude)
    results = run_paths([p for p, _ in targets])
    kinds = {r.path.replace(str(repo) + "/", ""): r.kinds for r in results}
    assert "cfn-template" in kinds["app/template.yaml"] and "asl" in kinds["app/template.yaml"]
    assert kinds["create-nodegroup.asl.json"] == ["asl"]
    assert kinds["k8s/machine.yaml"] == ["ack-statemachine", "asl"]
    assert "terraform-plan" in kinds["infra/plan.json"]
    assert kinds["README.yaml"] == []
    # the other families' kinds, decided by content too (names never matter)
    assert "aws-auth" in kinds["k8s/aws-auth.yaml"]
    assert kinds["k8s/role.yaml"] == ["k8s-rbac"]
    assert kinds["policies/eks-policy.json"] == ["iam-policy"]
    assert not [d for d in _diags(results) if d.code in ("ASL000", "ASL001", "ASL003")]


def test_invalid_yaml_template_gets_asl001_at_its_line():
    text = "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties: [\n"
    d = lint(text)
    assert [x.code for x in d] == ["ASL001"] and d[0].line >= 4


def test_invalid_yaml_that_is_not_a_template_is_still_skipped():
    assert lint("a: [\n", "notes.yaml") == []


def test_serverless_framework_state_machines():
    path = FIXTURES / "serverless.yml"
    text = path.read_text()
    result = lint_file(str(path), ruleset(), explicit=True)
    assert {"asl", "serverless"} <= set(result.kinds)
    d = next(d for d in result.diagnostics if d.code == "ASL201")
    assert at(text, d.line, d.column, 4) == "Ship" and d.state == "Charge"
    checkout, refund = [doc for doc in result.documents if doc.kind == "asl"]
    assert checkout.data["States"]["Charge"]["Resource"] == "${charge.Arn}"
    assert checkout.context["role_resource"] == "CheckoutRole"
    assert checkout.context["role_policies"][0].data["Statement"][0]["Action"] == "lambda:InvokeFunction"
    assert "role_policies" not in refund.context and "generates the role" in refund.context["role_policy_notes"][0]
    assert not [d for d in result.diagnostics if d.code == "TPL006"]  # ${self:…} is a Serverless variable
