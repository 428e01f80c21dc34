"""Custom rules: listed by `aslint rules` and `aslint rule CODE`; a malformed rule file is a
configuration error (exit 2) naming the problem, never an internal error or a silent no-op."""

import json

import pytest

from aslint.cli import main

RULE = """\
rules:
  - code: ORG001
    name: runjob-without-namespace
    severity: warning
    summary: Every runJob names its Kubernetes namespace
    message: "runJob in state '{state}' does not set Namespace"
    check:
      given: states
      where:
        - field: Resource
          pattern: ":eks:runJob"
      then:
%s
"""
DEFINED = "        field: [Parameters.Namespace, Arguments.Namespace]\n        function: defined\n"
RUNJOB = json.dumps({"StartAt": "Run", "States": {"Run": {
    "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
    "Parameters": {"ClusterName": "c", "CertificateAuthority": "x", "Endpoint": "https://e", "Job": {}},
    "End": True}}}, indent=2)


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.aslint]\nextra-rules = ["aslint-rules.yaml"]\n')
    (tmp_path / "run.asl.json").write_text(RUNJOB)
    return tmp_path


def _write(project, then):
    (project / "aslint-rules.yaml").write_text(RULE % then)


def test_rules_and_rule_list_custom_rules(project, capsys):
    _write(project, DEFINED)
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    (line,) = [l for l in out.splitlines() if l.startswith("ORG001")]
    assert "runjob-without-namespace" in line and "custom: aslint-rules.yaml" in line
    assert main(["rules", "--format", "json"]) == 0
    (entry,) = [r for r in json.loads(capsys.readouterr().out) if r["code"] == "ORG001"]
    assert entry["source"].endswith("aslint-rules.yaml")
    assert main(["rule", "ORG001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ORG001 runjob-without-namespace") and '"function": "defined"' in out
    assert main(["rule", "--isolated", "ORG001"]) == 2  # without the configuration there is no ORG001


def test_the_custom_rule_runs(project, capsys):
    _write(project, DEFINED)
    assert main(["check", "run.asl.json"]) == 1
    assert "ORG001 runJob in state 'Run' does not set Namespace" in capsys.readouterr().out


def test_function_options_under_functionOptions_work(project, capsys):
    _write(project, "        field: Parameters.ClusterName\n        function: pattern\n        functionOptions: {match: '^prod-'}\n")
    assert main(["check", "run.asl.json"]) == 1
    assert "ORG001" in capsys.readouterr().out


@pytest.mark.parametrize("then,expected", [
    ("        field: Parameters.ClusterName\n        function: pattern\n        match: '^prod-'\n",
     "'match' is a function option: put it under then.functionOptions"),
    ("        field: Parameters.ClusterName\n        function: pattern\n        functionOptions: {values: [a]}\n",
     "function 'pattern' has no option 'values'"),
    ("        field: Parameters.Job\n        function: schema\n        functionOptions: {schema: {type: object}}\n",
     "functionOptions.schema must name a JSON Schema file"),
    ("        field: Parameters.Job\n        function: defined\n        feild: x\n",
     "unknown key 'feild' (did you mean 'field'?)"),
    ("        field: Parameters.ClusterName\n        function: pattern\n",
     "function 'pattern' needs then.functionOptions"),
])
def test_malformed_rule_files_are_configuration_errors(project, capsys, then, expected):
    _write(project, then)
    for argv in (["check", "run.asl.json"], ["rules"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert expected in err and "internal error" not in err


def test_unknown_rule_level_key(project, capsys):
    (project / "aslint-rules.yaml").write_text((RULE % DEFINED).replace("    severity:", "    severty:"))
    assert main(["check", "run.asl.json"]) == 2
    assert "unknown key 'severty' (did you mean 'severity'?)" in capsys.readouterr().err


def test_readme_rule_example_loads_and_runs(tmp_path, monkeypatch, capsys):
    """The README's worked example, copied out of the README, is a working rule file."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(# aslint-rules\.yaml.*?)```", readme, re.S)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "aslint-rules.yaml").write_text(block)
    (tmp_path / ".aslint.yaml").write_text("extra-rules: [aslint-rules.yaml]\n")
    (tmp_path / "run.asl.json").write_text(RUNJOB)
    assert main(["check", "--select", "ORG", "run.asl.json"]) == 1
    out = capsys.readouterr().out
    assert "ORG001" in out and "ORG002" in out


def test_a_custom_rule_links_to_no_documentation_page(project, capsys, monkeypatch):
    """Built-in rules link to their page (rules/CODE.md in the repository); a custom rule has no
    such page, so SARIF gives it no helpUri, the job summary no link and the editor no link."""
    _write(project, DEFINED)
    run = json.dumps({"StartAt": "Run", "States": {"Run": {**json.loads(RUNJOB)["States"]["Run"], "Type": "task"}}})
    (project / "run.asl.json").write_text(run)  # also a built-in finding (ASL100, a type typo)
    assert main(["check", "--format", "sarif", "run.asl.json"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    reported = {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert {"ORG001", "ASL100"} <= reported
    assert "helpUri" not in rules["ORG001"]
    assert rules["ORG001"]["help"]["text"] == "Every runJob names its Kubernetes namespace"
    assert rules["ASL100"]["helpUri"] == "https://github.com/aslint/aslint/blob/main/rules/ASL100.md"
    assert all("helpUri" in r for code, r in rules.items() if code != "ORG001")

    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(project))
    assert main(["check", "run.asl.json"]) == 1
    md = summary.read_text()
    assert "| ORG001 | runjob-without-namespace |" in md and "None" not in md
    assert "| [ASL100](https://github.com/aslint/aslint/blob/main/rules/ASL100.md) |" in md


def test_an_editor_hover_on_a_custom_finding_has_no_documentation_link(project):
    from aslint.catalog.declarative import load_rule_files
    from aslint.core.finding import Diagnostic
    from aslint.lsp.hover import markdown

    _write(project, DEFINED)
    docs, _ = load_rule_files(str(project / "aslint-rules.yaml"), {})
    doc = docs["ORG001"]
    assert doc.help_uri is None
    text = markdown(Diagnostic("ORG001", "warning", "runJob does not set Namespace", "run.asl.json", 1, 1, 1, 2, ""), doc)
    assert "Rule documentation" not in text and "None" not in text
