"""Hostile configuration: broken or strange configuration files and custom rules are exit 2 at
load time with a message naming the file, never an internal error or ASL000 on every file."""

import json
import os
import textwrap

import pytest
from hypothesis import given, settings, strategies as st

from aslint.catalog.user_regex import compile_user_regex
from aslint.cli import main
from aslint.core.settings import ConfigError

DEFINITION = json.dumps({"StartAt": "Run", "States": {"Run": {
    "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync", "Parameters": {"ClusterName": "c"}, "End": True}}})
RULES = textwrap.dedent("""\
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
            field: Parameters.Namespace
            function: defined
    """)


def run(folder, capsys, *args):
    old = os.getcwd()
    os.chdir(folder)
    try:
        code = main(["check", *args])
    finally:
        os.chdir(old)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err and "ASL000" not in out
    return code, out, err


def with_rules(tmp_path, rules_text, extra=""):
    (tmp_path / "org-rules.yaml").write_text(rules_text)
    (tmp_path / ".aslint.yaml").write_text("extra-rules: [org-rules.yaml]\n" + extra)
    (tmp_path / "d.asl.json").write_text(DEFINITION)


@pytest.mark.parametrize("change,said", [
    (("pattern: \":eks:runJob\"", "pattern: \"[unclosed\""), "not a valid regular expression"),
    (("pattern: \":eks:runJob\"", "pattern: \"(a+)+$\""), "exponential"),
    (("pattern: \":eks:runJob\"", "pattern: \"(x|xy)*z\""), "exponential"),
    (("'{state}'", "'{stat}'"), "{stat}"),
    (("'{state}'", "'{state:>1000000000}'"), "wider than"),
    (("'{state}'", "'{value.__class__}'"), "no placeholder"),
    (("'{state}'", "'{'"), "not a valid template"),
    (("given: states", "given: states\n      kinds: asl"), "'kinds' must be a list"),
])
def test_custom_rule_mistakes_are_configuration_errors(tmp_path, capsys, change, said):
    with_rules(tmp_path, RULES.replace(*change))
    code, out, err = run(tmp_path, capsys, "d.asl.json")
    assert code == 2 and said in err, err
    assert out == ""


def test_a_schema_file_that_is_not_a_schema(tmp_path, capsys):
    rules = RULES.replace("field: Parameters.Namespace\n        function: defined",
                          "field: Parameters\n        function: schema\n        functionOptions: {schema: params.json}")
    for body, said in (('{"type": 12}', "not a valid JSON Schema"), ("[1, 2]", "a JSON Schema is an object"),
                       ("{not json", "not JSON"), (None, "not a regular file")):
        if body is None:
            os.remove(tmp_path / "params.json")
            os.mkfifo(tmp_path / "params.json")
        else:
            (tmp_path / "params.json").write_text(body)
        with_rules(tmp_path, rules)
        code, _, err = run(tmp_path, capsys, "d.asl.json")
        assert code == 2 and said in err, err


def test_a_valid_custom_rule_still_reports(tmp_path, capsys):
    with_rules(tmp_path, RULES)
    code, out, _ = run(tmp_path, capsys, "--format", "json", "--select", "ORG", "d.asl.json")
    assert [d["code"] for d in json.loads(out)["diagnostics"]] == ["ORG001"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_configured_paths_refuse_fifos_and_oversize_files(tmp_path, capsys):
    os.mkfifo(tmp_path / "org-rules.yaml")
    (tmp_path / ".aslint.yaml").write_text("extra-rules: [org-rules.yaml]\n")
    (tmp_path / "d.asl.json").write_text(DEFINITION)
    code, _, err = run(tmp_path, capsys, "d.asl.json")  # would block forever if it were opened
    assert code == 2 and "not a regular file" in err
    os.remove(tmp_path / "org-rules.yaml")
    (tmp_path / "org-rules.yaml").write_text("# " + "x" * (2 * 1024 * 1024) + "\n" + RULES)
    code, _, err = run(tmp_path, capsys, "d.asl.json")
    assert code == 2 and "KiB" in err and "org-rules.yaml" in err


@pytest.mark.parametrize("name,body,said", [
    ("pyproject.toml", b"[tool.aslint]\nselect = [\"ASL\"]\n\xff\xfe", "not UTF-8"),
    (".aslint.yaml", b"select: [ASL]\n\xff\n", "not UTF-8"),
    ("pyproject.toml", b"[tool.aslint]\nselect = [\n", "invalid TOML"),
    (".aslint.yaml", b"select: [ASL\n", "invalid YAML"),
    ("pyproject.toml", b"[tool.aslint]\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n", "pyproject.toml"),
    (".aslint.yaml", b"x: " + b"[" * 5000 + b"]" * 5000 + b"\n", "nest"),
    (".aslint.yaml", ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, c in zip("abcdefgh", "bcdefghi"))
        + "per-file-ignores:\n  '*.json': *i\n").encode(), "alias"),
])
def test_broken_configuration_in_a_parent_folder_names_the_file(tmp_path, capsys, name, body, said):
    (tmp_path / name).write_bytes(body)
    child = tmp_path / "flows"
    child.mkdir()
    (child / "d.asl.json").write_text(DEFINITION)
    code, _, err = run(child, capsys, "d.asl.json")
    assert code == 2 and name in err and said in err, err


def test_a_pyproject_without_aslint_section_is_skipped_whatever_its_bytes(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_bytes(b"[project]\nname = \"x\xff\"\n")
    (tmp_path / "d.asl.json").write_text(DEFINITION)
    code, _, err = run(tmp_path, capsys, "d.asl.json")
    assert code == 1 and err == "", err  # linted (EKS002), with no configuration


@settings(max_examples=300, deadline=None)
@given(st.text("ab()|*+?{}2,.\\[]^$", max_size=14))
def test_an_accepted_user_regex_has_no_nested_repeat(pattern):
    try:
        compiled = compile_user_regex(pattern, "rule")
    except ConfigError:
        return
    # accepted patterns match a hostile text promptly (an exponential one would not return)
    compiled.search("a" * 24 + "!")
