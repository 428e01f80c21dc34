"""--fix and --diff on hostile files: links, owners, numbers, anchors, block scalars, patch."""

import os
import shutil
import subprocess

import pytest

from aslint.cli import main

AWS_AUTH = """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/service-role/StepFunctionsRole
      username: step-functions
      groups:
        - jobs-runner
"""
FIXED = AWS_AUTH.replace("role/service-role/StepFunctionsRole", "role/StepFunctionsRole")


def fix(path, capsys, *extra):
    code = main(["check", "--isolated", "--fix", *extra, str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_a_symlink_stays_a_symlink(tmp_path, capsys):
    target = tmp_path / "real" / "aws-auth.yaml"
    target.parent.mkdir()
    target.write_text(AWS_AUTH)
    link = tmp_path / "aws-auth.yaml"
    link.symlink_to(target)
    fix(link, capsys)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == FIXED


def test_a_hard_linked_file_stays_one_inode(tmp_path, capsys):
    path = tmp_path / "aws-auth.yaml"
    path.write_text(AWS_AUTH)
    other = tmp_path / "copy-of-aws-auth.txt"
    os.link(path, other)
    inode = os.stat(path).st_ino
    fix(path, capsys)
    assert os.stat(path).st_ino == inode == os.stat(other).st_ino
    assert other.read_text() == FIXED


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_owner_and_group_are_kept(tmp_path, capsys):
    path = tmp_path / "aws-auth.yaml"
    path.write_text(AWS_AUTH)
    os.chown(path, 65534, 65534)
    fix(path, capsys)
    st = os.stat(path)
    assert (st.st_uid, st.st_gid) == (65534, 65534) and path.read_text() == FIXED


@pytest.mark.parametrize("quoted", ["1e400", "9007199254740993", "12345678901234567890", "1.00000000000000000001"])
def test_only_exact_decimal_text_is_unquoted(tmp_path, capsys, quoted):
    text = ('{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", '
            f'"NumericEquals": "{quoted}", "Next": "D"}}], "Default": "D"}}, "D": {{"Type": "Succeed"}}}}}}')
    path = tmp_path / "c.asl.json"
    path.write_text(text)
    fix(path, capsys)
    assert path.read_text() == text


def test_exact_numbers_are_unquoted(tmp_path, capsys):
    text = ('{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", '
            '"NumericEquals": "0.1", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}')
    path = tmp_path / "c.asl.json"
    path.write_text(text)
    fix(path, capsys)
    assert path.read_text() == text.replace('"0.1"', "0.1")


CHOICE_YAML = """\
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - Variable: $.x
        NumericEquals: &n "5"
        Next: D
      - Variable: $.y
        NumericEquals: *n
        Next: D
    Default: D
  D:
    Type: Succeed
"""


def test_an_anchored_value_and_its_alias_are_not_damaged(tmp_path, capsys):
    path = tmp_path / "c.asl.yaml"
    path.write_text(CHOICE_YAML)
    code, out, _ = fix(path, capsys)
    assert path.read_text() == CHOICE_YAML  # fixing the anchor would change the alias too
    assert "ASL003" in out and "left ASL211 unfixed" in out
    assert ":10:" in out  # the alias's finding sits on the alias's line, not the anchor's


@pytest.mark.parametrize("style", [">-", "|-"])  # stripped: the value is the bare version
def test_fixing_a_block_scalar_keeps_the_next_key_on_its_line(tmp_path, capsys, style):
    rest = ("kind: ClusterRole\nmetadata:\n  name: r\n"
            "rules:\n  - apiGroups: [batch]\n    resources: [jobs]\n    verbs: [create]\n")
    path = tmp_path / "role.yaml"
    path.write_text(f"apiVersion: {style}\n  rbac.authorization.k8s.io/v1beta1\n" + rest)
    fix(path, capsys)
    assert path.read_text() == "apiVersion: rbac.authorization.k8s.io/v1\n" + rest


@pytest.mark.skipif(shutil.which("patch") is None, reason="no patch here")
@pytest.mark.parametrize("ending", ["\n", ""])
def test_the_diff_applies_with_patch(tmp_path, capsys, ending):
    original = AWS_AUTH.rstrip("\n") + ending
    work = tmp_path / "work"
    work.mkdir()
    (work / "aws-auth.yaml").write_text(original)
    old = os.getcwd()
    os.chdir(work)
    try:
        main(["check", "--isolated", "--diff", "aws-auth.yaml"])
    finally:
        os.chdir(old)
    diff = capsys.readouterr().out
    assert ("\\ No newline at end of file" in diff) == (ending == "")
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "aws-auth.yaml").write_text(original)
    subprocess.run(["patch", "-p1", "--quiet"], input=diff, text=True, cwd=copy, check=True)
    assert (copy / "aws-auth.yaml").read_text() == FIXED.rstrip("\n") + ending
    assert (work / "aws-auth.yaml").read_text() == original
