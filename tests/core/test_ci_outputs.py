"""SARIF and GitHub output as code scanning and the Actions runner read them; the job summary;
colour and version conventions."""

import json
import os
from pathlib import Path
from urllib.parse import unquote

import pytest

from aslint.cli import main

ROOT = Path(__file__).resolve().parents[2]
DUP = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true},\n    "A": {"Type": "Succeed"}\n  }\n}\n'
GOOD = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}\n'


def _run(args, capsys, cwd):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        code = main(args)
    finally:
        os.chdir(old)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ws(tmp_path, monkeypatch):
    for key in [k for k in os.environ if k.startswith("GITHUB_")] + ["FORCE_COLOR", "NO_COLOR"]:
        monkeypatch.delenv(key, raising=False)
    repo = tmp_path / "repo"
    (repo / "my dir").mkdir(parents=True)
    (repo / "my dir" / "d 1%.asl.json").write_text(DUP)
    (tmp_path / "outside.asl.json").write_text(DUP)
    return repo


def _sarif(capsys, cwd, *paths, extra=()):
    code, out, err = _run(["check", "--format", "sarif", *extra, *paths], capsys, cwd)
    return code, json.loads(out), err


def test_sarif_uris_are_relative_percent_encoded_with_a_base_id(ws, capsys):
    _, log, _ = _sarif(capsys, ws, "my dir/d 1%.asl.json")
    run = log["runs"][0]
    loc = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": "my%20dir/d%201%25.asl.json", "uriBaseId": "%SRCROOT%"}
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file://") and base.endswith("/")
    assert unquote(base[len("file://"):]).rstrip("/") == os.path.realpath(ws)


def test_sarif_base_is_the_github_workspace_on_actions(ws, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(ws))
    _, log, _ = _sarif(capsys, ws / "my dir", "d 1%.asl.json")
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc["uri"] == "my%20dir/d%201%25.asl.json"  # relative to the workspace, not to the cwd


def test_sarif_file_outside_the_root_gets_an_absolute_file_uri(ws, capsys):
    _, log, _ = _sarif(capsys, ws, "../outside.asl.json")
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert "uriBaseId" not in loc
    assert loc["uri"] == (ws.parent / "outside.asl.json").resolve().as_uri()


def test_sarif_stdin_gets_the_stdin_filename(ws, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DUP.encode())))
    _, log, _ = _sarif(capsys, ws, "-", extra=["--stdin-filename", "sfn/main.asl.json"])
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": "sfn/main.asl.json", "uriBaseId": "%SRCROOT%"}


def test_sarif_invocation_records_success_and_notifications(ws, capsys):
    _, log, _ = _sarif(capsys, ws, "my dir/d 1%.asl.json")
    (inv,) = log["runs"][0]["invocations"]
    assert inv["executionSuccessful"] is True and inv["toolExecutionNotifications"] == []
    _, log, _ = _sarif(capsys, ws, "my dir/d 1%.asl.json", "missing.asl.json")
    (inv,) = log["runs"][0]["invocations"]
    assert inv["executionSuccessful"] is False
    (note,) = inv["toolExecutionNotifications"]
    assert note["level"] == "error" and "missing.asl.json" in note["message"]["text"]


def test_sarif_rules_are_the_codes_that_ran_and_stay_small(ws, capsys):
    (ws / "good.asl.json").write_text(GOOD)
    _, out, _ = _run(["check", "--format", "sarif", "good.asl.json"], capsys, ws)
    assert len(out) < 120_000, len(out)  # was ~390 KB with every rule's full help
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert all("markdown" not in r["help"] for r in rules)  # full help only for codes with results
    _, log, _ = _sarif(capsys, ws, "good.asl.json", extra=["--select", "ASL1"])
    ids = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert ids and all(i.startswith("ASL1") for i in ids)
    _, log, _ = _sarif(capsys, ws, "my dir/d 1%.asl.json")
    (asl002,) = [r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "ASL002"]
    assert asl002["help"]["markdown"]


def test_sarif_with_locations_validates(ws, capsys, shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "reference" / "sarif" / "sarif-schema-2.1.0.json").read_text())
    _, log, _ = _sarif(capsys, ws, "my dir/d 1%.asl.json", "../outside.asl.json", "nothing-here.json")
    jsonschema.validate(log, schema)


def test_github_paths_are_relative_to_the_workspace(ws, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(ws))
    _, out, _ = _run(["check", "--format", "github", str(ws / "my dir" / "d 1%.asl.json")], capsys, ws.parent)
    assert out.startswith("::error file=my dir/d 1%25.asl.json,line=5,")


def test_output_file_on_actions_gets_its_own_format(ws, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _run(["check", "--output", "report.json", "my dir/d 1%.asl.json"], capsys, ws)
    assert json.loads((ws / "report.json").read_text())["summary"]["error"] == 1
    _run(["check", "--output", "report.sarif", "my dir/d 1%.asl.json"], capsys, ws)
    assert json.loads((ws / "report.sarif").read_text())["version"] == "2.1.0"
    _run(["check", "--output", "report.txt", "my dir/d 1%.asl.json"], capsys, ws)
    assert "::error" not in (ws / "report.txt").read_text() and "ASL002" in (ws / "report.txt").read_text()
    _run(["check", "--format", "github", "--output", "report.txt", "my dir/d 1%.asl.json"], capsys, ws)
    assert (ws / "report.txt").read_text().startswith("::error")  # a chosen format always wins


LEAKY = ROOT / "examples" / "eks-cluster-leaky.asl.json"


def test_job_summary_on_actions_has_counts_links_and_a_mermaid_leak_path(ws, capsys, monkeypatch):
    summary = ws / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(ws))
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "o/r")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    (ws / "leaky.asl.json").write_text(LEAKY.read_text())
    code, out, _ = _run(["check", "leaky.asl.json"], capsys, ws)
    assert code == 1 and out.startswith("::")
    md = summary.read_text()
    assert md.startswith("## aslint")
    assert "| [LCY002](https://github.com/aslint/aslint/blob/main/rules/LCY002.md) | " in md
    assert "(https://github.com/o/r/blob/abc123/leaky.asl.json#L" in md
    charts = md.split("```mermaid\n")[1:]
    assert charts
    chart = charts[0].split("```")[0]
    assert chart.startswith("flowchart LR")
    assert '["Create an EKS cluster"]' in chart or '"Create an EKS cluster"' in chart
    assert "classDef leaking" in chart and "leak((" in chart
    # a second run appends, as GitHub expects from several steps
    _run(["check", "leaky.asl.json"], capsys, ws)
    assert summary.read_text().count("## aslint") == 2


def test_no_job_summary_off_actions_or_into_a_report_file(ws, capsys, monkeypatch):
    summary = ws / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _run(["check", "my dir/d 1%.asl.json"], capsys, ws)
    assert not summary.exists()
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _run(["check", "--format", "sarif", "--output", "x.sarif", "my dir/d 1%.asl.json"], capsys, ws)
    assert not summary.exists()


def test_mermaid_labels_are_escaped_and_long_paths_bounded():
    from aslint.output.job_summary import CHART_STATES, mermaid

    chart = mermaid([*[f"S{i}" for i in range(100)], 'say "hi" <b>'])
    assert "#quot;hi#quot;" in chart and "<b>" not in chart
    assert chart.count("[") - chart.count("([") <= CHART_STATES + 1
    assert 'more(["…"])' in chart


class _Tty:
    def __init__(self, tty):
        self.tty = tty

    def isatty(self):
        return self.tty


def test_color_conventions(monkeypatch):
    from aslint.cli import use_color

    for key in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(key, raising=False)
    assert use_color(False, _Tty(True)) and not use_color(False, _Tty(False))
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color(False, _Tty(False))
    assert not use_color(True, _Tty(False))  # --no-color wins
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(False, _Tty(True))
    monkeypatch.setenv("NO_COLOR", "")  # an empty NO_COLOR does not count (no-color.org)
    assert use_color(False, _Tty(False))


def test_force_color_colours_the_text_output(ws, capsys, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = _run(["check", "my dir/d 1%.asl.json"], capsys, ws)
    assert "\033[31mASL002" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = _run(["check", "my dir/d 1%.asl.json"], capsys, ws)
    assert "\033[" not in out


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag, capsys):
    from aslint import __version__

    assert main([flag]) == 0
    assert capsys.readouterr().out.startswith(f"aslint {__version__}")
