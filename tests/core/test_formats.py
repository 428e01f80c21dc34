"""Output formats: json shape, GitHub escaping and caps, SARIF valid against the 2.1.0 schema."""

import json

import pytest

from aslint.cli import main
from aslint.output.github_format import escape_data, escape_property

DUP = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true},\n    "A": {"Type": "Succeed"}\n  }\n}\n'


def lint(tmp_path, capsys, fmt, text=DUP, name="d.asl.json", extra=()):
    (tmp_path / name).write_text(text)
    code = main(["check", "--format", fmt, str(tmp_path / name), *extra])
    return code, capsys.readouterr().out


def test_json_format_is_one_object_with_every_field(tmp_path, capsys):
    _, out = lint(tmp_path, capsys, "json")
    report = json.loads(out)
    assert set(report) == {"version", "files", "diagnostics", "summary"}
    (d,) = report["diagnostics"]
    assert set(d) == {"code", "severity", "message", "file", "line", "column", "end_line", "end_column", "pointer", "state", "fix", "help"}


def test_github_escaping_follows_the_toolkit():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_annotation_line(tmp_path, capsys):
    _, out = lint(tmp_path, capsys, "github", name="we,ird:name.asl.json")
    line = out.strip().splitlines()[0]
    assert line.startswith("::error file=")
    assert "we%2Cird%3Aname.asl.json" in line
    assert ",line=5,endLine=5,col=5,endColumn=8,title=aslint (ASL002)::ASL002 duplicate key" in line


def test_github_multi_line_ranges_have_no_columns(tmp_path, capsys):
    text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}, "States":\n{\n"A": {"Type": "Succeed"}}}'
    _, out = lint(tmp_path, capsys, "github", text=text)
    assert "col=" in out  # the duplicate key itself is one line


def test_github_notice_when_over_the_cap(tmp_path, capsys):
    states = ",\n".join('"S": {"Type": "Succeed"}' for _ in range(13))
    text = '{"StartAt": "S", "States": {\n' + states + "\n}}"
    _, out = lint(tmp_path, capsys, "github", text=text)
    lines = out.strip().splitlines()
    assert sum(1 for l in lines if l.startswith("::error")) == 12
    assert lines[0].startswith("::notice title=aslint::aslint found 12 findings in all")  # first: GitHub drops what follows the 10th


def test_sarif_validates_against_the_official_schema(tmp_path, capsys, shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "reference" / "sarif" / "sarif-schema-2.1.0.json").read_text())
    _, out = lint(tmp_path, capsys, "sarif")
    log = json.loads(out)
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    (result,) = run["results"]
    assert result["ruleId"] == "ASL002" and rule_ids[result["ruleIndex"]] == "ASL002"
    assert result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (5, 5, 8)
    assert result["partialFingerprints"]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["shortDescription"]["text"] and rule["helpUri"] and rule["help"]["text"]


def test_sarif_for_a_clean_run_is_valid_too(tmp_path, capsys, shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "reference" / "sarif" / "sarif-schema-2.1.0.json").read_text())
    _, out = lint(tmp_path, capsys, "sarif", text='{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}')
    jsonschema.validate(json.loads(out), schema)


def test_text_format(tmp_path, capsys):
    code, out = lint(tmp_path, capsys, "text")
    first, summary = out.strip().splitlines()
    assert first.endswith(":5:5: ASL002 duplicate key 'A': a state defined twice, which Step Functions rejects (DUPLICATE_STATE_NAME) [A]")
    assert summary == "Found 1 finding(s) in 1 file(s): 1 error."
    assert "\033[" not in out  # no colour when not a terminal


def test_github_format_is_automatic_on_actions(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (tmp_path / "d.asl.json").write_text(DUP)
    main(["check", str(tmp_path / "d.asl.json")])
    assert capsys.readouterr().out.startswith("::error file=")
    main(["check", "--format", "text", str(tmp_path / "d.asl.json")])
    assert "::error" not in capsys.readouterr().out
