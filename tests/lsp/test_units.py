"""The server's parts without a client: positions, edits, stale lints, internal errors, the extra."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from aslint.lsp import actions
from aslint.lsp.positions import LineTable
from aslint.lsp.session import Session


def test_columns_in_utf16_and_utf32():
    text = 'x\n  "Comment": "\U0001F600 é", "Type": "pass"\n'
    # aslint's column 26 (1-based code points) is after the emoji, a surrogate pair in UTF-16
    col = text.splitlines()[1].index('"Type"') + 1
    assert LineTable(text, "utf-32").to_lsp(2, col) == (1, col - 1)
    assert LineTable(text, "utf-16").to_lsp(2, col) == (1, col)  # one more unit for the pair
    table = LineTable(text, "utf-16")
    assert table.from_lsp(1, col) == text.index('"Type"')


def test_minimal_edit_keeps_common_text():
    assert actions.minimal_edit("abcXYZdef", "abcQdef") == (3, 6, "Q")
    assert actions.minimal_edit("same", "same") is None


YAML_DEF = """StartAt: Start
States:
  Start:
    Type: pass
    Next: Done
  Done:
    Type: Succeed
"""


def test_suppression_comment_in_yaml_and_existing_comment(tmp_path):
    path = str(tmp_path / "sm.asl.yaml")
    session = Session(str(tmp_path))
    linted = session.lint(path, YAML_DEF)
    (d,) = [d for d in linted.diagnostics if d.code == "ASL100"]
    start, end, text = actions.suppression_edit(linted.documents, d, linted.text)
    new = YAML_DEF[:start] + text + YAML_DEF[end:]
    assert "    Comment: \"aslint: ignore[ASL100]\"\n    Type: pass\n" in new
    assert not [x for x in session.lint(path, new).diagnostics if x.code == "ASL100"]

    with_comment = YAML_DEF.replace("    Type: pass\n", "    Comment: keep me\n    Type: pass\n")
    linted = session.lint(path, with_comment)
    (d,) = [d for d in linted.diagnostics if d.code == "ASL100"]
    start, end, text = actions.suppression_edit(linted.documents, d, linted.text)
    assert with_comment[:start] + text + with_comment[end:] == with_comment.replace(
        "Comment: keep me", "Comment: \"keep me aslint: ignore[ASL100]\"")


def test_a_failing_lint_becomes_one_diagnostic(tmp_path, monkeypatch):
    pytest.importorskip("pygls")
    from aslint.lsp.server import AslintServer

    server = AslintServer()
    server.session = Session(str(tmp_path))

    def explode(path, text=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(server.session, "lint", explode)
    uri = (tmp_path / "sm.asl.json").as_uri()
    server.versions[uri] = 1
    linted = server._lint_now(uri, 1)
    (d,) = linted.diagnostics
    assert d.code == "ASL000" and "boom" in d.message


def test_a_stale_lint_is_dropped(tmp_path):
    pytest.importorskip("pygls")
    from aslint.lsp.server import AslintServer

    server = AslintServer()
    server.session = Session(str(tmp_path))
    uri = (tmp_path / "sm.asl.json").as_uri()
    server.versions[uri] = 3  # version 2 was superseded before its lint started
    assert server._lint_now(uri, 2) is None


def test_missing_extra_names_what_to_install():
    code = ("import sys; sys.modules['pygls'] = None; sys.modules['lsprotocol'] = None\n"
            "from aslint.cli import main; raise SystemExit(main(['lsp']))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "pip install 'aslint[lsp]'" in proc.stderr


def test_a_role_policy_beside_the_definition_is_read_from_its_unsaved_buffer(tmp_path):
    """The pairing of a definition with ``<stem>.policy.json`` reads through the open buffers."""
    definition = json.dumps({"StartAt": "Create", "States": {"Create": {
        "Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
        "Parameters": {"Name": "demo", "RoleArn": "arn:aws:iam::111122223333:role/demo-cluster",
                       "ResourcesVpcConfig": {"SubnetIds": ["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"]}},
        "End": True}}}, indent=2)
    (tmp_path / "deploy.asl.json").write_text(definition, encoding="utf-8")
    narrow = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
    (tmp_path / "deploy.policy.json").write_text(json.dumps(narrow), encoding="utf-8")
    session = Session(str(tmp_path))
    path = str(tmp_path / "deploy.asl.json")
    assert "IAM001" in {d.code for d in session.lint(path).diagnostics}
    broad = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [
        "eks:CreateCluster", "eks:DescribeCluster", "eks:DeleteCluster", "eks:TagResource"], "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}
    session.open(str(tmp_path / "deploy.policy.json"), json.dumps(broad))
    assert "IAM001" not in {d.code for d in session.lint(path).diagnostics}


def test_a_lint_made_stale_midway_is_cancelled_between_rules(tmp_path, monkeypatch):
    """A newer version arriving while a version is linted stops that lint (between two rules)."""
    pytest.importorskip("pygls")
    from aslint.core import warm
    from aslint.lsp.server import AslintServer

    path = tmp_path / "sm.asl.json"
    path.write_text(json.dumps({"StartAt": "A", "States": {"A": {"Type": "pass", "End": True}}}), encoding="utf-8")
    server = AslintServer()
    server.session = Session(str(tmp_path))
    server.session.ruleset()
    uri = path.as_uri()
    server.versions[uri] = 1
    calls = []
    real = warm.check_stop

    def newer_text_arrives():
        calls.append(1)
        if len(calls) == 3:  # as the third rule is about to run, version 2 comes in
            server.versions[uri] = 2
        real()

    monkeypatch.setattr(warm, "check_stop", newer_text_arrives)
    assert server._lint_now(uri, 1) is None
    assert len(calls) == 3  # the other rules never ran
    assert server._lint_now(uri, 2) is not None


# `aslint lsp` started by something that gives it no input: an empty standard input, or none at all
# (closed, as `<&-` or a daemon launcher leave it). Both are the end of input before `initialize`:
# exit 0 and say nothing, as pygls servers do; never an internal error or a traceback.
_LAUNCH_WITH_STDIN_CLOSED = ("import os, sys\nos.close(0)\n"
                             "os.execv(sys.executable, [sys.executable, '-m', 'aslint', 'lsp'])")


@pytest.mark.parametrize("stdin", ["empty", "closed"])
def test_no_input_before_initialize_exits_cleanly(tmp_path, stdin):
    pytest.importorskip("pygls")
    command = ([sys.executable, "-c", _LAUNCH_WITH_STDIN_CLOSED] if stdin == "closed"
               else [sys.executable, "-m", "aslint", "lsp"])
    proc = subprocess.run(command, stdin=subprocess.DEVNULL if stdin == "empty" else None,
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_a_closed_standard_output_is_a_clear_error(tmp_path):
    """The server answers on standard output: without one it says so (exit 2), no traceback."""
    pytest.importorskip("pygls")
    code = ("import os, sys\nos.close(1)\n"
            "os.execv(sys.executable, [sys.executable, '-m', 'aslint', 'lsp'])")
    proc = subprocess.run([sys.executable, "-c", code], stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("aslint: ") and "standard output" in proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
