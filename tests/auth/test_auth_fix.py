"""AUTH001 --fix: byte-exact, idempotent, for JSON and YAML hosts and every way mapRoles is embedded."""

from __future__ import annotations

import json

from .helpers import AWS_AUTH_GOOD, by_code, cli, lint

PATHED = AWS_AUTH_GOOD.replace("role/StepFunctionsEksRole", "role/service-role/StepFunctionsEksRole")


def _fix_twice(tmp_path, name, bad, good):
    target = tmp_path / name
    target.write_bytes(bad.encode())
    diff = cli("check", "--select", "AUTH001", "--diff", str(target))
    assert diff.stdout.startswith("--- ") and "\n+" in diff.stdout, diff.stdout + diff.stderr
    assert target.read_bytes() == bad.encode(), "--diff must not write"
    first = cli("check", "--select", "AUTH001", "--fix", str(target))
    assert target.read_bytes() == good.encode(), first.stdout + first.stderr
    assert first.returncode == 0, first.stdout
    second = cli("check", "--select", "AUTH001", "--fix", str(target))
    assert target.read_bytes() == good.encode()
    assert second.returncode == 0


def test_reference_example_passes_except_system_masters(shared):
    text = (shared / "reference/examples/call-create-aws-auth.asl.json").read_text()
    found = lint(text, "call-create-aws-auth.asl.json")
    assert {d.code for d in found} == {"AUTH007"}
    assert all(d.severity == "warning" for d in found)


def test_reference_example_with_service_role_path_fails_and_fixes_back(shared, tmp_path):
    good = (shared / "reference/examples/call-create-aws-auth.asl.json").read_text()
    bad = good.replace("role/my-role", "role/service-role/my-role")
    assert bad != good
    found = by_code(lint(bad, "call.asl.json"), "AUTH001")
    assert len(found) == 1 and found[0].severity == "error"
    assert "arn:aws:iam::123456789012:role/my-role" in found[0].hint
    _fix_twice(tmp_path, "call.asl.json", bad, good)


def test_yaml_literal_block_fix_keeps_comments(tmp_path):
    bad = "# who may use the cluster\n" + PATHED.replace("      groups:\n        - batch-runners",
                                                          "      groups:  # keep narrow\n        - batch-runners")
    good = bad.replace("role/service-role/", "role/")
    _fix_twice(tmp_path, "aws-auth.yaml", bad, good)


def test_json_string_with_escapes(tmp_path):
    roles = [{"rolearn": "arn:aws:iam::111122223333:role/team/dev/Runner", "username": "runner", "groups": ["runners"]}]
    doc = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "aws-auth", "namespace": "kube-system"},
           "data": {"mapRoles": json.dumps(roles, indent=2)}}
    bad = json.dumps(doc, indent=2) + "\n"
    assert "\\n" in bad and '\\"rolearn\\"' in bad
    good = bad.replace("role/team/dev/Runner", "role/Runner")
    _fix_twice(tmp_path, "aws-auth.json", bad, good)


def test_yaml_mapRoles_in_a_string_request_body(tmp_path):
    body = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/service-role/R\n      username: r\n      groups: [g]\n"
    definition = {"StartAt": "Put", "States": {"Put": {
        "Type": "Task", "Resource": "arn:aws:states:::eks:call",
        "Parameters": {"ClusterName": "C", "CertificateAuthority": "x", "Endpoint": "https://e", "Method": "PUT",
                       "Path": "/api/v1/namespaces/kube-system/configmaps/aws-auth", "RequestBody": body},
        "End": True}}}
    bad = json.dumps(definition, indent=2)
    good = bad.replace("role/service-role/R", "role/R")
    _fix_twice(tmp_path, "put.asl.json", bad, good)


def test_fix_in_a_multi_document_yaml_fixes_only_the_pathed_arn(tmp_path):
    other = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated\ndata:\n  note: role/service-role/x\n"
    bad = PATHED + other
    good = AWS_AUTH_GOOD + other
    _fix_twice(tmp_path, "cluster.yaml", bad, good)


def test_fix_is_offered_in_json_output():
    found = by_code(lint(PATHED), "AUTH001")
    assert found[0].fix and found[0].fix["edits"][0]["text"] == ""
