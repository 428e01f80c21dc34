"""Standalone aws-auth files: recognized by content, findings at exact line/column inside the strings."""

from __future__ import annotations

import json

from .helpers import AWS_AUTH_GOOD, by_code, lint

COMMENTED = """\
# aws-auth for the batch cluster
apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth        # must be this name
  namespace: kube-system
data:
  # roles first
  mapRoles: |
    # the node role
    - rolearn: arn:aws:iam::111122223333:role/NodeInstanceRole
      username: system:node:{{EC2PrivateDNSName}}
      groups: [system:bootstrappers, system:nodes]
    - rolearn: arn:aws:iam::111122223333:role/service-role/StepFunctionsEksRole
      username: step-functions
      groups: [system:masters]
"""


def test_clean_file_has_no_findings():
    assert lint(AWS_AUTH_GOOD) == []


def test_recognized_by_content_whatever_the_name():
    found = lint(COMMENTED, "cluster-access.yml")
    assert {d.code for d in found} == {"AUTH001", "AUTH007"}


def test_rolearn_path_position_in_literal_block_with_comments():
    (d,) = by_code(lint(COMMENTED), "AUTH001")
    assert (d.line, d.column) == (14, 16)
    assert (d.end_line, d.end_column) == (14, 16 + len("arn:aws:iam::111122223333:role/service-role/StepFunctionsEksRole"))
    assert d.fix["edits"][0]["line"] == 14 and d.fix["edits"][0]["column"] == 47  # "service-role/" starts here
    assert d.pointer == "/data/mapRoles"  # the string holding the mapping (RFC 6901 into the file)


def test_group_position():
    (d,) = by_code(lint(COMMENTED), "AUTH007")
    assert (d.line, d.column) == (16, 16)
    assert d.severity == "warning"


def test_multi_document_yaml_positions():
    text = (
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: jobs\n"
        "---\n" + COMMENTED
        + "---\napiVersion: rbac.authorization.k8s.io/v1beta1\nkind: Role\nmetadata:\n  name: r\n  namespace: jobs\n"
          "rules:\n- apiGroups: [batch]\n  resources: [jobs]\n  verbs: [create]\n"
    )
    found = lint(text, "all.yaml")
    (path,) = by_code(found, "AUTH001")
    assert (path.line, path.column) == (5 + 14, 16)
    (api,) = by_code(found, "AUTH014")
    assert (api.line, api.column) == (5 + 17 + 1, 13)
    assert api.fix["edits"][0]["text"] == "rbac.authorization.k8s.io/v1"


def test_kind_list_items_are_linted_at_their_position():
    text = (
        "apiVersion: v1\nkind: List\nitems:\n"
        "- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: aws-auth\n    namespace: kube-system\n"
        "  data:\n    mapRoles: |\n      - rolearn: arn:aws:iam::111122223333:role/x/Runner\n        username: runner\n        groups: [runners]\n"
        "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRole\n  metadata:\n    name: all\n"
        "  rules:\n  - apiGroups: ['*']\n    resources: [pods]\n    verbs: [get]\n"
    )
    found = lint(text, "list.yaml")
    (path,) = by_code(found, "AUTH001")
    assert (path.line, path.column) == (11, 18)
    (wild,) = by_code(found, "AUTH016")
    assert (wild.line, wild.column) == (19, 17)


def test_json_manifest_with_escaped_mapRoles_positions():
    roles = [{"rolearn": "arn:aws:sts::111122223333:assumed-role/Runner/session-1", "username": "runner", "groups": ["g"]}]
    doc = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "aws-auth", "namespace": "kube-system"},
           "data": {"mapRoles": json.dumps(roles)}}
    text = json.dumps(doc, indent=2)
    (d,) = by_code(lint(text, "aws-auth.json"), "AUTH002")
    line_text = text.splitlines()[d.line - 1]
    # the inner JSON string's span starts at its (escaped) opening quote
    assert line_text[d.column - 1:].startswith('\\"arn:aws:sts::111122223333:assumed-role/Runner/session-1\\"')
    assert d.fix["edits"][0]["text"] == "arn:aws:iam::111122223333:role/Runner"


def test_request_body_object_in_definition(shared):
    text = (shared / "reference/examples/call-create-aws-auth.asl.json").read_text().replace("role/my-role", "role/a/b/my-role")
    (d,) = by_code(lint(text, "call.asl.json"), "AUTH001")
    line_text = text.splitlines()[d.line - 1]
    assert line_text[d.column - 1:].startswith('\\"arn:aws:iam::123456789012:role/a/b/my-role\\"')
    assert d.state == "Add authorized user" or d.state is None
