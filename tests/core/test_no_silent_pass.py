"""Nothing passes silently: missing inputs exit 2, a run that checked nothing says so, a broken
definition named on the command line gets its parse error, and the CLI's conventions hold."""

import io
import json
import os
import shutil
import subprocess
import sys

import pytest

from aslint.cli import main

GOOD = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}\n'
DUP = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true},\n    "A": {"Type": "Succeed"}\n  }\n}\n'
POLICY = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "eks:DescribeCluster", "Resource": "*"}]}\n'


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for key in [k for k in os.environ if k.startswith("GITHUB_")]:
        monkeypatch.delenv(key, raising=False)
    (tmp_path / "good.asl.json").write_text(GOOD)
    (tmp_path / "package.json").write_text('{"name": "x"}\n')
    return tmp_path


def run(capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


# -- no silent pass

def test_missing_role_policy_file_exits_2_with_the_path(folder, capsys):
    code, out, err = run(capsys, "--role-policy", "nope.json", "good.asl.json")
    assert code == 2 and "--role-policy nope.json: no such file" in err and "passed" not in out


def test_role_policy_glob_matching_nothing_exits_2(folder, capsys):
    code, _, err = run(capsys, "--role-policy", "iam/*.json", "good.asl.json")
    assert code == 2 and "iam/*.json: no file matches" in err
    (folder / "iam").mkdir()
    (folder / "iam" / "role.json").write_text(POLICY)
    code, _, err = run(capsys, "--role-policy", "iam/*.json", "good.asl.json")
    assert code != 2 and err == ""  # the glob found the policy (its own findings may fail the run)


def test_configured_role_policies_must_exist(folder, capsys):
    (folder / ".aslint.yaml").write_text('role-policies:\n  "*.asl.json": [iam/missing.json]\n')
    code, _, err = run(capsys, "good.asl.json")
    assert code == 2 and "role-policies['*.asl.json']" in err and "missing.json" in err


def test_pass_line_only_when_a_file_was_checked(folder, capsys):
    code, out, _ = run(capsys, "package.json")
    assert code == 0 and "All checks passed" not in out
    assert out.strip() == "No state machine definition, IAM policy, manifest or template found (1 file(s) skipped; -v says why)."
    code, out, _ = run(capsys, "good.asl.json")
    assert code == 0 and out.strip() == "All checks passed: 1 file(s) checked."


def test_a_missing_path_exits_2_without_a_pass_line(folder, capsys):
    code, out, err = run(capsys, "missing.asl.json")
    assert code == 2 and "missing.asl.json: no such file or directory" in err and "passed" not in out
    code, out, err = run(capsys, "missing.asl.json", "good.asl.json")  # with a good path: still 2
    assert code == 2 and "passed" not in out and "could not be read" in out


def test_a_broken_definition_named_on_the_command_line_gets_its_parse_error(folder, capsys):
    (folder / "workflow.json").write_text('{"StartAt": "A", "States": {"A": {"Type": "Succeed"},}}\n')
    code, out, _ = run(capsys, "workflow.json")
    assert code == 1 and "workflow.json:1:" in out and "ASL001" in out
    (folder / "walked").mkdir()
    shutil.copy(folder / "workflow.json", folder / "walked" / "workflow.json")
    code, out, _ = run(capsys, "walked")  # found by a walk, a broken file is only skipped
    assert code == 0 and "ASL001" not in out


# -- conventions

def test_mistyped_option_shows_the_check_usage_and_a_did_you_mean(folder, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--fromat", "json", "good.asl.json"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: aslint check ") and "did you mean --format?" in err


def test_stdin_filename_without_dash(folder, capsys, monkeypatch):
    code, out, _ = run(capsys, "--stdin-filename", "x.asl.json", stdin=DUP, monkeypatch=monkeypatch)
    assert code == 1 and out.startswith("x.asl.json:5:5: ASL002")  # read, as ruff does
    code, _, err = run(capsys, "--stdin-filename", "x.asl.json", "good.asl.json", stdin=DUP, monkeypatch=monkeypatch)
    assert code == 2 and "'-' is not among the paths" in err


def test_statistics_prints_the_table_alone(folder, capsys):
    (folder / "dup.asl.json").write_text(DUP)
    code, out, _ = run(capsys, "--statistics", "dup.asl.json")
    assert code == 1
    assert out.splitlines() == ["     1  ASL002  duplicate-key"]


def test_show_files_lists_what_a_run_reads(folder, capsys):
    (folder / "node_modules").mkdir()
    (folder / "node_modules" / "x.asl.json").write_text(GOOD)
    code, out, _ = run(capsys, "--show-files", ".")
    assert code == 0 and out.split() == ["good.asl.json", "package.json"]


def test_show_settings_prints_the_resolved_settings(folder, capsys):
    (folder / ".aslint.yaml").write_text("select: [ASL]\nfail-on: error\n")
    code, out, _ = run(capsys, "--show-settings", "--ignore", "ASL203")
    assert code == 0
    assert out.splitlines()[0].startswith("# configuration: ") and out.splitlines()[0].endswith(".aslint.yaml")
    assert 'select = ["ASL"]' in out and 'ignore = ["ASL203"]' in out and 'fail-on = "error"' in out


# -- excludes: --force-exclude and .gitignore

def test_force_exclude_applies_excludes_to_named_files(folder, capsys):
    (folder / "cdk.out").mkdir()
    (folder / "cdk.out" / "x.asl.json").write_text(DUP)
    (folder / "legacy.asl.json").write_text(DUP)
    assert run(capsys, "cdk.out/x.asl.json")[0] == 1  # named: linted, as before
    code, out, _ = run(capsys, "--force-exclude", "cdk.out/x.asl.json", "good.asl.json")
    assert code == 0 and "checked" in out
    (folder / ".aslint.yaml").write_text("extend-exclude: [legacy.asl.json]\n")
    assert run(capsys, "--force-exclude", "legacy.asl.json", "good.asl.json")[0] == 0
    assert run(capsys, "legacy.asl.json")[0] == 1


def test_pre_commit_hook_uses_force_exclude():
    import yaml
    from pathlib import Path

    hooks = yaml.safe_load((Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml").read_text())
    assert "--force-exclude" in hooks[0]["entry"].split()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is missing")
def test_gitignored_paths_are_skipped_in_walks(folder, capsys):
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    (folder / ".gitignore").write_text("generated/\n")
    (folder / "generated").mkdir()
    (folder / "generated" / "out.asl.json").write_text(DUP)
    code, out, _ = run(capsys, ".")
    assert code == 0 and "generated" not in out
    code, out, _ = run(capsys, "--no-respect-gitignore", ".")
    assert code == 1 and "generated/out.asl.json" in out
    assert run(capsys, "generated/out.asl.json")[0] == 1  # named explicitly: linted


# -- --fix and --diff

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


def test_fix_says_what_it_did(folder, capsys):
    (folder / "aws-auth.yaml").write_text(AWS_AUTH)
    code, out, _ = run(capsys, "--fix", "--select", "AUTH001", "aws-auth.yaml")
    assert code == 0
    assert "(1 fixed, 0 remaining)" in out.splitlines()[-1]
    assert "role/StepFunctionsRole" in (folder / "aws-auth.yaml").read_text()


def test_fix_on_stdin_prints_the_fixed_text(folder, capsys, monkeypatch):
    code, out, err = run(capsys, "--fix", "--select", "AUTH001", "--stdin-filename", "aws-auth.yaml", "-",
                         stdin=AWS_AUTH, monkeypatch=monkeypatch)
    assert code == 0
    assert out == AWS_AUTH.replace("role/service-role/", "role/")
    assert "1 fixed, 0 remaining" in err
    code, out, _ = run(capsys, "--fix", "--stdin-filename", "g.asl.json", "-", stdin=GOOD, monkeypatch=monkeypatch)
    assert out == GOOD  # nothing to fix: the text as it came


def test_diff_prints_nothing_and_exits_0_when_there_is_nothing_to_fix(folder, capsys):
    (folder / "dup.asl.json").write_text(DUP)  # a finding, but no fix
    code, out, _ = run(capsys, "--diff", "dup.asl.json", "good.asl.json")
    assert (code, out) == (0, "")
    (folder / "aws-auth.yaml").write_text(AWS_AUTH)
    code, out, _ = run(capsys, "--diff", "aws-auth.yaml")
    assert code == 1 and out.startswith("--- a/aws-auth.yaml") and "+    - rolearn: arn:aws:iam::111122223333:role/StepFunctionsRole" in out
    assert (folder / "aws-auth.yaml").read_text() == AWS_AUTH


def test_fix_repeats_until_nothing_fixable_is_left(monkeypatch):
    """A fix that reveals another: the loop applies the second on the next pass."""
    from aslint.core import fixer
    from aslint.core.finding import Diagnostic, Edit

    class R:
        def __init__(self, text):
            self.text, self.path, self.display = text, "f.json", "f.json"
            self.diagnostics = []
            if "aa" in text:
                i = text.index("aa")
                d = Diagnostic("X001", "error", "m", "f.json", 1, 1, 1, 1, "")
                d.edits = [Edit(i, i + 2, "a")]
                self.diagnostics.append(d)

    # the fix checks (a re-parse of the file) are fixcheck's; here only the loop is under test
    monkeypatch.setattr(fixer, "checked_text", lambda path, text, diagnostics, apply: (
        apply(text, [e for d in diagnostics for e in d.edits]), []))
    text, applied, notes = fixer._fixed_text(R("aaaa"), lambda result, new: R(new))
    assert text == "a" and applied == 3 and notes == []
