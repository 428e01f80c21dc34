"""One failing and one passing case for each aws-auth mapping rule (AUTH002-AUTH009)."""

from __future__ import annotations

import pytest

from .helpers import AWS_AUTH_GOOD, by_code, lint


def configmap(map_roles: str = "", map_users: str = "", name="aws-auth", namespace="kube-system", extra="") -> str:
    meta = f"metadata:\n  name: {name}\n" + (f"  namespace: {namespace}\n" if namespace else "")
    data = "data:\n"
    if map_roles:
        data += "  mapRoles: |\n" + "".join("    " + l + "\n" for l in map_roles.splitlines())
    if map_users:
        data += "  mapUsers: |\n" + "".join("    " + l + "\n" for l in map_users.splitlines())
    return "apiVersion: v1\nkind: ConfigMap\n" + meta + data + extra


ROLE = "arn:aws:iam::111122223333:role/Runner"
USER = "arn:aws:iam::111122223333:user/alice"


def entry(arn_key="rolearn", arn=ROLE, username="runner", groups="[runners]"):
    lines = []
    if arn_key:
        lines.append(f"- {arn_key}: {arn}")
    if username is not None:
        lines.append(("  " if lines else "- ") + f"username: {username}")
    if groups is not None:
        lines.append(("  " if lines else "- ") + f"groups: {groups}")
    return "\n".join(lines)


CASES = [
    # code, failing document, passing document
    ("AUTH002", configmap(entry(arn="arn:aws:sts::111122223333:assumed-role/Runner/s1")), configmap(entry())),
    ("AUTH003", configmap(entry(arn=USER)), configmap(map_users=entry("userarn", USER))),
    ("AUTH003", configmap(map_users=entry("userarn", ROLE)), configmap(entry())),
    ("AUTH003", configmap(entry("userarn", USER)), configmap(map_users=entry("userarn", USER))),
    ("AUTH004", configmap(entry(arn="arn:aws:iam::1111:role/Runner")), configmap(entry())),
    ("AUTH004", configmap(entry(arn="arn:aws:iam::111122223333:group/admins")), configmap(entry())),
    ("AUTH004", configmap(entry(arn="Runner")), configmap(entry(arn="${RunnerRoleArn}"))),
    ("AUTH005", configmap(entry(arn_key=None)), configmap(entry())),
    ("AUTH005", configmap(entry(username=None)), configmap(entry())),
    ("AUTH005", configmap(entry(groups="runners")), configmap(entry(groups="[runners, viewers]"))),
    ("AUTH005", configmap("- just-a-string"), configmap(entry())),
    ("AUTH006", configmap("- rolearn: x\n username: ["), configmap(entry())),
    ("AUTH006", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles:\n    - rolearn: " + ROLE + "\n",
     configmap(entry())),
    ("AUTH006", configmap("rolearn: " + ROLE), configmap(entry())),
    ("AUTH006", configmap(extra="  mapAccounts: |\n    - 111122223333\n"), configmap(extra="  mapAccounts: |\n    - \"111122223333\"\n")),
    ("AUTH007", configmap(entry(groups="[system:masters]")), configmap(entry())),
    ("AUTH008", configmap(entry(groups="[system:bootstrappers, system:nodes]")),
     configmap(entry(username="system:node:{{EC2PrivateDNSName}}", groups="[system:bootstrappers, system:nodes]"))),
    ("AUTH009", configmap(entry(), namespace="default"), configmap(entry())),
    ("AUTH009", configmap(entry(), name="aws-auth-v2"), configmap(entry())),
    ("AUTH009", configmap(entry(), namespace=None), configmap(entry())),
]


@pytest.mark.parametrize("code,bad,good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_failing_and_passing(code, bad, good):
    assert by_code(lint(bad), code), f"{code} not raised for:\n{bad}"
    assert not by_code(lint(good), code), f"{code} raised for:\n{good}"


def test_missing_username_is_a_warning_and_missing_groups_an_info():
    found = by_code(lint(configmap(entry(username=None))), "AUTH005")
    assert [d.severity for d in found] == ["warning"]
    found = by_code(lint(configmap(entry(groups=None))), "AUTH005")
    assert [d.severity for d in found] == ["info"]
    assert "runner" in found[0].hint


def test_unparseable_mapRoles_points_at_the_string():
    text = configmap("- rolearn: x\n username: [")
    (d,) = by_code(lint(text), "AUTH006")
    assert d.line == 7 and "does not parse" in d.message


def test_service_linked_role_path_is_flagged_too():
    text = configmap(entry(arn="arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS"))
    (d,) = by_code(lint(text), "AUTH001")
    assert "role/AWSServiceRoleForAmazonEKS" in d.hint


def test_good_configmap_is_clean():
    assert lint(AWS_AUTH_GOOD) == []


def test_mapRoles_with_placeholders_is_not_judged():
    assert lint(configmap(entry(arn="${NodeRoleArn}"))) == []


@pytest.mark.parametrize("text", [
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata: 5\n",
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata:\n  mapRoles: \"\"\n",
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata:\n  mapRoles: \"[1, null, [], {rolearn: 5, groups: 7, username: 0}]\"\n",
    "apiVersion: v1\nkind: ConfigMap\nmetadata: 3\ndata:\n  mapUsers: \"{}\"\n",
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata:\n  mapRoles: \"- &a {rolearn: *a}\"\n",
    "apiVersion: v1\nkind: List\nitems: [1, {kind: ConfigMap, metadata: {name: aws-auth}, data: {mapRoles: 7}}]\n",
])
def test_hostile_input_never_crashes(text):
    found = lint(text, select=("AUTH", "ASL000"))
    assert not by_code(found, "ASL000"), [d.message for d in found]
