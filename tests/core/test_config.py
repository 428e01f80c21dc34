"""Configuration discovery and validation, suppression comments, and user-written rules."""

import json
import textwrap

import pytest

from aslint.cli import main

DUP = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true},\n    "A": {"Type": "Succeed"}\n  }\n}\n'


def run(tmp_path, capsys, *args, cwd=None):
    import os

    old = os.getcwd()
    os.chdir(cwd or tmp_path)
    try:
        code = main(["check", *args])
    finally:
        os.chdir(old)
    out, err = capsys.readouterr()
    return code, out, err


def test_pyproject_found_upward(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.aslint]\nignore = ["ASL002"]\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "d.asl.json").write_text(DUP)
    assert run(tmp_path, capsys, "d.asl.json", cwd=sub)[0] == 0
    assert run(tmp_path, capsys, "--isolated", "d.asl.json", cwd=sub)[0] == 1


def test_pyproject_without_tool_table_is_passed_over(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "d.asl.json").write_text(DUP)
    assert run(tmp_path, capsys, "d.asl.json")[0] == 1


def test_aslint_yaml_with_per_file_ignores(tmp_path, capsys):
    (tmp_path / ".aslint.yaml").write_text("per-file-ignores:\n  'legacy/*': [ASL00]\n")
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "d.asl.json").write_text(DUP)
    (tmp_path / "new.asl.json").write_text(DUP)
    code, out, _ = run(tmp_path, capsys, "--format", "json", ".")
    files = {d["file"] for d in json.loads(out)["diagnostics"]}
    assert files == {"new.asl.json"}


def test_severity_override_and_fail_on(tmp_path, capsys):
    (tmp_path / ".aslint.yaml").write_text("severity: {ASL002: info}\n")
    (tmp_path / "d.asl.json").write_text(DUP)
    code, out, _ = run(tmp_path, capsys, "--format", "json", "d.asl.json")
    assert code == 0 and json.loads(out)["diagnostics"][0]["severity"] == "info"
    assert run(tmp_path, capsys, "--fail-on", "info", "d.asl.json")[0] == 1


@pytest.mark.parametrize("config, needle", [
    ("selekt: [ASL]\n", "did you mean 'select'"),
    ("select: [NOPE]\n", "NOPE"),
    ("severity: {ASL002: fatal}\n", "severity of ASL002"),
    ("fail-on: 3\n", "fail-on"),
    ("- a list\n", "mapping"),
    ("select: [\n", "invalid YAML"),
    ("rules: {PAY001: {warn-shares: 0.3}}\n", "unknown option 'warn-shares' (did you mean 'warn-share'?)"),
    ("rules: {PAY001: {warn-share: high}}\n", "option 'warn-share' must be a number, not str"),
    ("rules: {PAY001: {warn-share: 2}}\n", "option 'warn-share' must be at most 1"),
    ("rules: {PAY002: {line-bytes: 1.5}}\n", "option 'line-bytes' must be an integer"),
    ("rules: {PAY005: {min-states: true}}\n", "option 'min-states' must be an integer, not bool"),
    ("rules: {ASL101: {strict: true}}\n", "ASL101 has no options"),
])
def test_bad_configuration_is_exit_2(tmp_path, capsys, config, needle):
    (tmp_path / ".aslint.yaml").write_text(config)
    (tmp_path / "d.asl.json").write_text(DUP)
    code, _, err = run(tmp_path, capsys, "d.asl.json")
    assert code == 2 and needle in err


def test_pyproject_rule_options_are_checked_too(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.aslint.rules.PAY005]\nmin-state = 2\n')
    (tmp_path / "d.asl.json").write_text(DUP)
    code, _, err = run(tmp_path, capsys, "d.asl.json")
    assert code == 2 and "pyproject.toml: rules.PAY005: unknown option 'min-state' (did you mean 'min-states'?)" in err


def test_config_flag_names_a_file(tmp_path, capsys):
    (tmp_path / "conf.yaml").write_text("ignore: [ASL002]\n")
    (tmp_path / "d.asl.json").write_text(DUP)
    assert run(tmp_path, capsys, "--config", "conf.yaml", "d.asl.json")[0] == 0
    assert run(tmp_path, capsys, "--config", "missing.yaml", "d.asl.json")[0] == 2


def test_comment_directive_silences_a_state(tmp_path, capsys):
    text = DUP.replace('"A": {"Type": "Succeed"}', '"A": {"Type": "Succeed", "Comment": "aslint: ignore[ASL002]"}')
    (tmp_path / "d.asl.json").write_text(text)
    assert run(tmp_path, capsys, "d.asl.json")[0] == 0


def test_top_level_comment_silences_the_file(tmp_path, capsys):
    (tmp_path / "d.asl.json").write_text(DUP.replace('"StartAt"', '"Comment": "legacy. aslint: ignore", "StartAt"'))
    assert run(tmp_path, capsys, "d.asl.json")[0] == 0


def test_directive_for_another_code_does_not_silence(tmp_path, capsys):
    text = DUP.replace('"A": {"Type": "Succeed"}', '"A": {"Type": "Succeed", "Comment": "aslint: ignore[EKS]"}')
    (tmp_path / "d.asl.json").write_text(text)
    assert run(tmp_path, capsys, "d.asl.json")[0] == 1


USER_RULES = textwrap.dedent("""\
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
            field: [Parameters.Namespace, Arguments.Namespace]
            function: defined
    """)


def _runjob(params):
    return json.dumps({"StartAt": "Run", "States": {"Run": {
        "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync", "Parameters": params, "End": True}}}, indent=2)


def test_user_rule_from_extra_rules(tmp_path, capsys):
    (tmp_path / "org-rules.yaml").write_text(USER_RULES)
    (tmp_path / ".aslint.yaml").write_text("select: [ORG]\nextra-rules: [org-rules.yaml]\n")
    (tmp_path / "bad.asl.json").write_text(_runjob({"ClusterName": "c"}))
    (tmp_path / "good.asl.json").write_text(_runjob({"ClusterName": "c", "Namespace.$": "$.ns"}))
    code, out, _ = run(tmp_path, capsys, "--format", "json", ".")
    diags = json.loads(out)["diagnostics"]
    assert [(d["file"], d["code"], d["state"]) for d in diags] == [("bad.asl.json", "ORG001", "Run")]
    assert diags[0]["message"] == "runJob in state 'Run' does not set Namespace"
    assert diags[0]["line"] == 4  # the state's Parameters


def test_user_rule_with_bad_function_is_exit_2(tmp_path, capsys):
    (tmp_path / "org-rules.yaml").write_text(USER_RULES.replace("function: defined", "function: guess"))
    (tmp_path / ".aslint.yaml").write_text("extra-rules: [org-rules.yaml]\n")
    (tmp_path / "d.asl.json").write_text(_runjob({}))
    code, _, err = run(tmp_path, capsys, "d.asl.json")
    assert code == 2 and "then.function" in err
