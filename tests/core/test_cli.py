"""The command line as users run it: discovery, exit codes, selection, stdin, config."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from aslint.cli import main

GOOD = json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}}, indent=2)
# a duplicate state name: a core finding (ASL002) that needs no rule family
DUP = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true},\n    "A": {"Type": "Succeed"}\n  }\n}\n'


def run(args, capsys, cwd=None):
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        code = main(args)
    finally:
        os.chdir(old)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path):
    (tmp_path / "sfn").mkdir()
    (tmp_path / "sfn" / "good.asl.json").write_text(GOOD)
    (tmp_path / "sfn" / "dup.json").write_text(DUP)
    (tmp_path / "package.json").write_text('{"name": "not-a-definition"}')
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "x.asl.json").write_text(DUP)
    return tmp_path


def test_directory_walk_finds_definitions_and_skips_others(project, capsys):
    code, out, _ = run(["check", "--format", "json", "."], capsys, cwd=project)
    report = json.loads(out)
    assert code == 1
    assert report["files"] == 2  # good + dup; package.json not recognized; node_modules skipped
    (d,) = report["diagnostics"]
    assert (d["code"], d["file"], d["line"], d["column"], d["end_column"]) == ("ASL002", os.path.join("sfn", "dup.json"), 5, 5, 8)
    assert d["pointer"] == "/States/A" and d["state"] == "A"
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0}


def test_default_path_is_the_current_directory(project, capsys):
    code, out, _ = run(["check", "--format", "json"], capsys, cwd=project)
    assert json.loads(out)["files"] == 2


def test_verbose_says_what_was_skipped(project, capsys):
    _, _, err = run(["check", "--verbose", "."], capsys, cwd=project)
    assert "skipped package.json" in err


def test_clean_file_exits_zero_and_says_so(project, capsys):
    code, out, _ = run(["check", "sfn/good.asl.json"], capsys, cwd=project)
    assert code == 0 and "All checks passed" in out


def test_quiet_prints_nothing_when_clean(project, capsys):
    code, out, _ = run(["check", "-q", "sfn/good.asl.json"], capsys, cwd=project)
    assert code == 0 and out == ""


def test_exit_zero_and_fail_on(project, capsys):
    assert run(["check", "--exit-zero", "sfn/dup.json"], capsys, cwd=project)[0] == 0
    assert run(["check", "sfn/dup.json"], capsys, cwd=project)[0] == 1


def test_select_and_ignore_take_prefixes(project, capsys):
    assert run(["check", "--ignore", "ASL00", "sfn/dup.json"], capsys, cwd=project)[0] == 0
    assert run(["check", "--select", "ASL002", "sfn/dup.json"], capsys, cwd=project)[0] == 1


def test_unknown_code_is_a_usage_error(project, capsys):
    code, _, err = run(["check", "--select", "NOPE1", "."], capsys, cwd=project)
    assert code == 2 and "NOPE1" in err


def test_unknown_flag_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--no-such-flag"])
    assert exc.value.code == 2


def test_missing_path_is_reported(project, capsys):
    code, _, err = run(["check", "nope.json"], capsys, cwd=project)
    assert code == 2 and "no such file" in err


def test_explicit_unrecognized_file_is_skipped(project, capsys):
    code, out, _ = run(["check", "package.json"], capsys, cwd=project)
    assert code == 0 and "No state machine definition" in out and "All checks passed" not in out


def test_declared_definition_gets_its_parse_error(tmp_path, capsys):
    (tmp_path / "broken.asl.json").write_text('{"StartAt": "A",\n "States": {,}}')
    code, out, _ = run(["check", "broken.asl.json"], capsys, cwd=tmp_path)
    assert code == 1 and "broken.asl.json:2:13: ASL001" in out


def test_glob_arguments(project, capsys):
    code, out, _ = run(["check", "--format", "json", "sfn/*.json"], capsys, cwd=project)
    assert json.loads(out)["files"] == 2


def test_exclude_glob(project, capsys):
    code, out, _ = run(["check", "--format", "json", "--exclude", "dup.json", "."], capsys, cwd=project)
    assert json.loads(out)["files"] == 1 and code == 0


def test_output_file_and_statistics(project, capsys):
    code, out, _ = run(["check", "--statistics", "-o", "report.txt", "."], capsys, cwd=project)
    text = (project / "report.txt").read_text()
    assert "ASL002" in text and "duplicate-key" in text and out == ""


def test_stdin_with_filename(project):
    proc = subprocess.run([sys.executable, "-m", "aslint", "check", "--format", "json", "--stdin-filename", "x.asl.json", "-"],
                          input=DUP.encode(), capture_output=True, cwd=project)
    report = json.loads(proc.stdout)
    assert proc.returncode == 1 and report["diagnostics"][0]["file"] == "x.asl.json"


def test_parallel_jobs_give_the_same_result(tmp_path, capsys):
    for i in range(20):
        (tmp_path / f"d{i:02d}.asl.json").write_text(DUP if i % 2 else GOOD)
    _, serial, _ = run(["check", "--format", "json", "."], capsys, cwd=tmp_path)
    _, parallel, _ = run(["check", "--format", "json", "-j", "2", "."], capsys, cwd=tmp_path)
    assert json.loads(serial) == json.loads(parallel)
    assert json.loads(serial)["summary"]["error"] == 10


def test_rules_and_rule_commands(capsys):
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "ASL002" in out
    code, out, _ = run(["rule", "asl002"], capsys)
    assert code == 0 and "## What it does" in out and "Use instead:" in out
    code, _, err = run(["rule", "XYZ999"], capsys)
    assert code == 2


def test_python_dash_m_and_version():
    proc = subprocess.run([sys.executable, "-m", "aslint", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("aslint ")


def test_the_program_reports_and_exits_as_main_returns(tmp_path, capsys):
    """``python -m aslint`` ends its process as soon as its output is flushed: every byte of a long
    report still reaches the pipe, the exit code is main()'s, standard error is kept."""
    for i in range(300):
        (tmp_path / f"d{i:03}.asl.json").write_text(DUP)
    (tmp_path / "bad.asl.json").write_text("{")
    args = ["check", "--format", "json", "-j", "1", "."]
    code, expected, _ = run(args, capsys, cwd=tmp_path)
    proc = subprocess.run([sys.executable, "-m", "aslint", *args], capture_output=True, text=True, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (code, expected) == (1, expected)
    assert len(json.loads(proc.stdout)["diagnostics"]) == 301
    proc = subprocess.run([sys.executable, "-m", "aslint", "check", "missing.json"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2 and "missing.json" in proc.stderr
