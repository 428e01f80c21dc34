"""The pre-commit hook, installed by pre-commit itself (pip install . into its own venv)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.installing import installer_env, skip_if_index_unreachable

ROOT = Path(__file__).resolve().parents[2]
GOOD = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}\n'
BAD = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "A": {"Type": "Succeed"}}}\n'


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


@pytest.mark.network
@pytest.mark.skipif(shutil.which("pre-commit") is None or shutil.which("git") is None, reason="pre-commit or git missing")
def test_pre_commit_try_repo(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    _git(work, "init", "-q")
    (work / "good.asl.json").write_text(GOOD)
    (work / "bad.asl.json").write_text(BAD)
    (work / "package.json").write_text('{"name": "x"}\n')
    (work / "machine.tf").write_text('resource "aws_sfn_state_machine" "m" {\n  role_arn   = var.role\n'
                                     '  definition = jsonencode({ StartAt = "A", States = { A = { Type = "Pass", Next = "B" } } })\n}\n')
    _git(work, "add", ".")
    env = installer_env(tmp_path)
    def hook(*files):
        return subprocess.run(["pre-commit", "try-repo", str(ROOT), "aslint", "--files", *files],
                              cwd=work, capture_output=True, text=True, env=env, timeout=600)
    good = hook("good.asl.json", "package.json")
    if good.returncode != 0:
        skip_if_index_unreachable(good.stdout + good.stderr)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = hook("good.asl.json", "bad.asl.json")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.asl.json:1:55: ASL002" in bad.stdout
    terraform = hook("machine.tf")  # the hook's environment has the HCL parser
    assert terraform.returncode == 1 and "machine.tf:3:83: ASL201" in terraform.stdout, terraform.stdout + terraform.stderr


def test_hook_file_types_include_terraform_sources():
    """The hook is given Terraform sources (``.tf``) and JSON (``.tf.json``) files, as pre-commit tags them."""
    identify = pytest.importorskip("identify.identify")
    import yaml

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())[0]
    wanted = set(hook["types_or"])
    for name in ("main.tf", "main.tf.json", "machine.asl.json", "template.yaml"):
        assert identify.tags_from_filename(name) & wanted, name
    assert not identify.tags_from_filename("main.py") & wanted
