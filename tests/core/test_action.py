"""The GitHub Action's shell steps, run locally exactly as the runner would (no GitHub needed)."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BAD = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Succeed"},\n    "A": {"Type": "Succeed"}\n  }\n}\n'


def _steps():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        assert step["shell"] == "bash"  # composite run steps must declare a shell
        assert "${{ inputs." not in step["run"], "inputs must reach scripts through env, not the script text"
        yield step, action["inputs"]


def _env(step, inputs, values, runner_temp):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
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


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_action_steps_print_annotations_and_write_sarif(tmp_path):
    work = tmp_path / "repo"
    work.mkdir()
    (work / "bad.asl.json").write_text(BAD)
    values = {"paths": "bad.asl.json", "sarif-file": "aslint.sarif"}
    results = []
    for step, inputs in _steps():
        proc = subprocess.run(["bash", "-c", step["run"]], cwd=work, capture_output=True, text=True,
                              env=_env(step, inputs, values, tmp_path), timeout=600)
        results.append(proc)
    install, run = results
    assert install.returncode == 0, install.stderr
    assert run.returncode == 1  # the finding fails the step
    assert "::error file=bad.asl.json,line=5,endLine=5,col=5,endColumn=8,title=aslint (ASL002)::ASL002 duplicate key 'A'" in run.stdout
    sarif = json.loads((work / "aslint.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["ruleId"] == "ASL002"
