"""The GitHub Action's shell steps, run locally exactly as the runner would (no GitHub needed)."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.installing import installer_env, skip_if_index_unreachable

ROOT = Path(__file__).resolve().parents[2]
BAD = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Succeed"},\n    "A": {"Type": "Succeed"}\n  }\n}\n'

pytestmark = [pytest.mark.network, pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")]


def _steps():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        assert step["shell"] == "bash"  # composite run steps must declare a shell
        assert "${{ inputs." not in step["run"], "inputs must reach scripts through env, not the script text"
        yield step, action["inputs"]


def _env(step, inputs, values, runner_temp):
    env = {k: v for k, v in installer_env(runner_temp).items() if not k.startswith("GITHUB_")}
    env["RUNNER_TEMP"] = str(runner_temp)
    for key, template in (step.get("env") or {}).items():
        def sub(m):
            expr = m.group(1).strip()
            if expr == "github.action_path":
                return str(ROOT)
            name = expr.split(".", 1)[1]
            return values.get(name, inputs[name].get("default", ""))
        env[key] = re.sub(r"\$\{\{(.*?)\}\}", sub, str(template))
    return env


@pytest.fixture(scope="module")
def runner(tmp_path_factory):
    """Runs the install step once; returns a function running the lint step with given inputs."""
    temp = tmp_path_factory.mktemp("runner")
    (install, inputs), (lint, _) = list(_steps())
    proc = subprocess.run(["bash", "-c", install["run"]], cwd=temp, capture_output=True, text=True,
                          env=_env(install, inputs, {}, temp), timeout=600)
    if proc.returncode != 0:
        skip_if_index_unreachable(proc.stdout + proc.stderr)
    assert proc.returncode == 0, proc.stderr

    def run(work, values):
        return subprocess.run(["bash", "-c", lint["run"]], cwd=work, capture_output=True, text=True,
                              env=_env(lint, inputs, values, temp), timeout=600)
    return run


def test_action_steps_print_annotations_and_write_sarif(runner, tmp_path):
    (tmp_path / "bad.asl.json").write_text(BAD)
    run = runner(tmp_path, {"paths": "bad.asl.json", "sarif-file": "aslint.sarif"})
    assert run.returncode == 1  # the finding fails the step
    assert "::error file=bad.asl.json,line=5,endLine=5,col=5,endColumn=8,title=aslint (ASL002)::ASL002 duplicate key 'A'" in run.stdout
    sarif = json.loads((tmp_path / "aslint.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["ruleId"] == "ASL002"


def test_action_paths_may_contain_spaces(runner, tmp_path):
    (tmp_path / "my sfn").mkdir()
    (tmp_path / "my sfn" / "bad one.asl.json").write_text(BAD)
    (tmp_path / "other.asl.json").write_text(BAD)
    run = runner(tmp_path, {"paths": "'my sfn/bad one.asl.json'\nother.asl.json"})
    assert run.returncode == 1, run.stderr
    assert "::error file=my sfn/bad one.asl.json,line=5" in run.stdout
    assert "::error file=other.asl.json,line=5" in run.stdout


def test_action_args_cannot_override_the_sarif_format(runner, tmp_path):
    (tmp_path / "bad.asl.json").write_text(BAD)
    run = runner(tmp_path, {"paths": "bad.asl.json", "sarif-file": "aslint.sarif", "args": "--format json"})
    assert run.returncode == 2
    assert "may not set --format" in run.stderr
    assert not (tmp_path / "aslint.sarif").exists()
    run = runner(tmp_path, {"paths": "bad.asl.json", "sarif-file": "aslint.sarif", "args": "--select ASL --fail-on error"})
    assert run.returncode == 1 and json.loads((tmp_path / "aslint.sarif").read_text())["version"] == "2.1.0"
