"""--fix writes atomically, keeps the mode, refuses read-only files and files changed during the run."""

import os
import stat
import threading

from aslint.cli import main
from aslint.core import fixer
AWS_AUTH = """\
# aws-auth for the jobs cluster
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


def test_fix_keeps_mode_and_other_bytes(tmp_path, capsys):
    path = tmp_path / "aws-auth.yaml"
    path.write_text(AWS_AUTH)
    os.chmod(path, 0o640)
    main(["check", "--fix", str(path)])
    capsys.readouterr()
    assert path.read_text() == AWS_AUTH.replace("role/service-role/StepFunctionsRole", "role/StepFunctionsRole")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["aws-auth.yaml"]  # no temporary file left behind


def test_diff_writes_nothing(tmp_path, capsys):
    path = tmp_path / "aws-auth.yaml"
    path.write_text(AWS_AUTH)
    main(["check", "--diff", str(path)])
    out = capsys.readouterr().out
    assert "-    - rolearn: arn:aws:iam::111122223333:role/service-role/StepFunctionsRole" in out
    assert "+    - rolearn: arn:aws:iam::111122223333:role/StepFunctionsRole" in out
    assert path.read_text() == AWS_AUTH


def test_read_only_file_gets_a_diagnostic(tmp_path, capsys, monkeypatch):
    path = tmp_path / "aws-auth.yaml"
    path.write_text(AWS_AUTH)
    os.chmod(path, 0o444)
    if os.access(path, os.W_OK):  # root writes anyway: make the check see the file as read-only
        monkeypatch.setattr(fixer.os, "access", lambda p, mode: False)
    code = main(["check", "--fix", "--format", "json", str(path)])
    out = capsys.readouterr().out
    assert '"ASL003"' in out and "read-only" in out
    assert path.read_text() == AWS_AUTH
    assert code == 1


def test_file_changed_during_the_run_is_not_overwritten(tmp_path, capsys, monkeypatch):
    path = tmp_path / "aws-auth.yaml"
    path.write_text(AWS_AUTH)
    original = fixer._write_atomically

    def change_then_write(p, expected, new_text):
        with open(p, "a") as handle:
            handle.write("# edited by someone else\n")
        return original(p, expected, new_text)

    monkeypatch.setattr(fixer, "_write_atomically", change_then_write)
    main(["check", "--fix", "--format", "json", str(path)])
    out = capsys.readouterr().out
    assert "changed on disk" in out
    assert path.read_text() == AWS_AUTH + "# edited by someone else\n"


def test_fix_is_idempotent(tmp_path, capsys):
    path = tmp_path / "aws-auth.yaml"
    path.write_text(AWS_AUTH)
    main(["check", "--fix", str(path)])
    once = path.read_bytes()
    main(["check", "--fix", str(path)])
    capsys.readouterr()
    assert path.read_bytes() == once
