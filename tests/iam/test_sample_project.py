"""The Step Functions sample project: its policies, its generated policy, and the ways to pair them."""

import json
import os
import subprocess
import sys


from aslint.cli import main
from aslint.core.settings import Settings

from .helpers import by_code, lint_files


def _read(shared, name):
    return (shared / "reference" / "examples" / name).read_text(encoding="utf-8")


def _sample(shared, policies):
    files = {"sample.asl.json": _read(shared, "sample-project.asl.json")}
    for i, text in enumerate(policies):
        files[f"sample.p{i}.policy.json"] = text
    return lint_files(files, Settings(select=["IAM"]))


def test_sample_policy_covers_cluster_states_not_node_group_states(shared):
    diags = _sample(shared, [_read(shared, "sample-project-eks-policy.json"), _read(shared, "sample-project-sns-policy.json")])
    missing = by_code(diags, "IAM001")
    states = {d.state for d in missing}
    assert "Create an EKS cluster" not in states and "Delete cluster" not in states
    assert {"Create a node group", "Delete node group"} <= states
    assert not any(d.state in ("Send expected result", "Send unexpected result") for d in missing)
    assert by_code(diags, "IAM013")  # DescribeCluster/DeleteCluster on cluster/* although it names ExampleCluster


def test_generated_policy_grants_every_need_and_passes_its_own_checks(shared, tmp_path, capsys):
    definition = tmp_path / "sample.asl.json"
    definition.write_text(_read(shared, "sample-project.asl.json"), encoding="utf-8")
    assert main(["policy", str(definition)]) == 0
    out, err = capsys.readouterr()
    generated = json.loads(out)
    assert "UNCERTAIN" in err
    statements = generated["Statement"]
    node_create = [s for s in statements if "eks:CreateNodegroup" in (s["Action"] if isinstance(s["Action"], list) else [s["Action"]])]
    assert node_create and node_create[0]["Resource"] == "arn:aws:eks:sa-east-1:111122223333:cluster/ExampleCluster"  # tighter than AWS's "*"
    diags = _sample(shared, [json.dumps(generated, indent=2)])
    assert diags == [], [(d.code, d.message) for d in diags]
    # every need is granted
    from aslint.iam.evaluate import evaluate
    from aslint.iam.needs import compute
    from aslint.iam.policy import statements_of
    from aslint.core.loader import load

    doc = load(str(definition)).documents[0]
    for need in compute(doc, Settings()).items:
        result = evaluate(statements_of(generated), need.request())
        # the service-linked role's service name is UNCERTAIN, so that one is granted under a condition
        assert result.decision == ("conditional" if need.service_name == "eks*.amazonaws.com" else "allowed"), need


def test_policy_cli_account_region_and_errors(tmp_path, capsys):
    definition = tmp_path / "d.asl.json"
    definition.write_text(json.dumps({"StartAt": "D", "States": {"D": {
        "Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster", "Parameters": {"Name": "c"}, "End": True}}}))
    assert main(["policy", str(definition), "--account", "123456789012", "--region", "eu-west-1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["Statement"][0]["Resource"] == "arn:aws:eks:eu-west-1:123456789012:cluster/c"
    assert main(["policy", str(tmp_path / "missing.json")]) == 2
    (tmp_path / "x.json").write_text("{}")
    assert main(["policy", str(tmp_path / "x.json")]) == 2


def test_role_policy_option_and_config_mapping(shared, tmp_path, capsys, monkeypatch):
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "sample.asl.json").write_text(_read(shared, "sample-project.asl.json"))
    (tmp_path / "eks.json").write_text(_read(shared, "sample-project-eks-policy.json"))
    monkeypatch.chdir(tmp_path)
    code = main(["check", "flows/sample.asl.json", "--isolated", "--select", "IAM001", "--role-policy", "eks.json", "--format", "json"])
    first = json.loads(capsys.readouterr().out)["diagnostics"]
    assert code == 1 and {d["state"] for d in first} >= {"Create a node group"}
    assert "Send expected result" in {d["state"] for d in first}  # no SNS policy given
    (tmp_path / ".aslint.yaml").write_text("role-policies:\n  'flows/*.asl.json': [eks.json]\n")
    assert main(["check", "flows/sample.asl.json", "--select", "IAM001", "--format", "json"]) == 1
    second = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [d["message"] for d in second] == [d["message"] for d in first]


def test_unreadable_role_policy_is_a_note_not_a_crash(tmp_path, capsys, monkeypatch):
    (tmp_path / "d.asl.json").write_text(json.dumps({"StartAt": "D", "States": {"D": {
        "Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster", "Parameters": {"Name": "c"}, "End": True}}}))
    (tmp_path / "p.json").write_text('{"Version": "2012-10-17", "Statement": []}')
    (tmp_path / "broken.json").write_text('{"Version": "2012-10-17", "Statement": [')
    monkeypatch.chdir(tmp_path)
    main(["check", "d.asl.json", "--isolated", "--select", "IAM,ASL000", "--role-policy", "p.json", "--role-policy", "broken.json", "--format", "json"])
    diags = json.loads(capsys.readouterr().out)["diagnostics"]
    assert diags and all(d["code"] == "IAM001" and d["severity"] == "info" and "broken.json" in (d["message"] + (d["help"] or "")) for d in diags)
    # a policy file that does not exist at all is a usage error (exit 2), never a silent note
    assert main(["check", "d.asl.json", "--isolated", "--role-policy", "nope.json"]) == 2
    assert "--role-policy nope.json: no such file" in capsys.readouterr().err


def test_a_run_without_policies_loads_no_catalog(shared):
    script = ("import sys; from aslint.cli import main; "
              f"main(['check', {str(shared / 'reference' / 'examples' / 'sample-project.asl.json')!r}, '--isolated', '-q']); "
              "from aslint.iam import catalog, needs; "
              "print('policyuniverse' in sys.modules, catalog.curated.cache_info().currsize, needs.table.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert out.stdout.strip().splitlines()[-1] == "False 0 0", out.stdout + out.stderr


def test_version_prints_catalog_dates(capsys):
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert "policyuniverse" in out and "curated" in out


def _actions(statements):
    out = set()
    for s in statements:
        out.update(s["Action"] if isinstance(s["Action"], list) else [s["Action"]])
    return out


def test_generated_policy_includes_launch_template_and_fargate_needs(tmp_path, capsys):
    node = {"ClusterName": "demo", "NodegroupName": "w", "NodeRole": "arn:aws:iam::111122223333:role/node",
            "Subnets": ["subnet-0aacf887d9f00e6a7"]}
    profile = {"ClusterName": "demo", "FargateProfileName": "fp", "Selectors": [{"Namespace": "default"}],
               "PodExecutionRoleArn": "arn:aws:iam::111122223333:role/pod"}
    states = {"Node": {"Type": "Task", "Resource": "arn:aws:states:::eks:createNodegroup.sync", "Parameters": node, "Next": "Profile"},
              "Profile": {"Type": "Task", "Resource": "arn:aws:states:::eks:createFargateProfile", "Parameters": profile, "End": True}}
    definition = tmp_path / "wf.asl.json"
    definition.write_text(json.dumps({"StartAt": "Node", "States": states}), encoding="utf-8")
    assert main(["policy", str(definition)]) == 0
    without = _actions(json.loads(capsys.readouterr()[0])["Statement"])
    assert "iam:GetRole" in without and "ec2:DescribeLaunchTemplateVersions" not in without
    node["LaunchTemplate"] = {"Id": "lt-0abcd1234efgh5678", "Version": "1"}
    definition.write_text(json.dumps({"StartAt": "Node", "States": states}), encoding="utf-8")
    assert main(["policy", str(definition)]) == 0
    out, err = capsys.readouterr()
    assert {"ec2:DescribeLaunchTemplates", "ec2:DescribeLaunchTemplateVersions"} <= _actions(json.loads(out)["Statement"])
    assert "UNCERTAIN" in err
