"""The fix hint apart from the message: text output on a terminal shows it on a second line, SARIF
carries it in the result; SARIF fingerprints never depend on the message's wording."""

import json
import sys

import pytest

from aslint.cli import Report, main
from aslint.core.engine import RuleSet
from aslint.core.finding import Diagnostic
from aslint.output import sarif_format
from aslint.core.settings import Settings

DUP = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true},\n    "A": {"Type": "Succeed"}\n  }\n}\n'


def _check(tmp_path, capsys, *extra):
    (tmp_path / "d.asl.json").write_text(DUP)
    main(["check", "--no-color", str(tmp_path / "d.asl.json"), *extra])
    return capsys.readouterr().out.splitlines()


def test_text_on_a_terminal_shows_the_hint_on_a_second_indented_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    lines = _check(tmp_path, capsys)
    at = next(i for i, line in enumerate(lines) if " ASL002 " in line)
    assert lines[at + 1] == "  help: Remove or rename one of them"


def test_piped_text_keeps_one_line_per_finding(tmp_path, capsys):
    lines = _check(tmp_path, capsys)
    assert not [line for line in lines if "help:" in line]
    assert len(lines) == 2  # the finding and the summary


def _diag(message, hint=None, pointer="/States/A", state="A"):
    return Diagnostic("ASL002", "error", message, "d.asl.json", 5, 5, 5, 8, pointer, state, hint=hint)


def _sarif(*diagnostics):
    ruleset = RuleSet(Settings())
    report = Report(list(diagnostics), 1, ruleset, {"error": len(diagnostics), "warning": 0, "info": 0})
    return json.loads(sarif_format.render(report))["runs"][0]["results"]


def test_sarif_fingerprint_ignores_the_wording():
    (before,) = _sarif(_diag("duplicate key 'A': JSON parsers keep only the last one; remove one"))
    (after,) = _sarif(_diag("duplicate key 'A': the first is lost", hint="Remove or rename one"))
    assert before["message"]["text"] != after["message"]["text"]
    assert before["partialFingerprints"] == after["partialFingerprints"]


def test_sarif_fingerprint_follows_code_file_pointer_and_state():
    base = _sarif(_diag("m"))[0]["partialFingerprints"]
    assert _sarif(_diag("m", pointer="/States/B"))[0]["partialFingerprints"] != base
    assert _sarif(_diag("m", state="B"))[0]["partialFingerprints"] != base
    first, second = _sarif(_diag("m"), _diag("m"))  # two findings at one place stay apart
    assert first["partialFingerprints"] != second["partialFingerprints"]


def test_sarif_result_carries_the_hint_and_validates(shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "reference" / "sarif" / "sarif-schema-2.1.0.json").read_text())
    ruleset = RuleSet(Settings())
    report = Report([_diag("duplicate key 'A'", hint="Remove or rename one of the two")], 1, ruleset,
                    {"error": 1, "warning": 0, "info": 0})
    log = json.loads(sarif_format.render(report))
    jsonschema.validate(log, schema)
    (result,) = log["runs"][0]["results"]
    assert result["message"]["text"] == "duplicate key 'A' [A]"
    assert result["message"]["markdown"].endswith("**help:** Remove or rename one of the two")
    assert result["properties"]["help"] == "Remove or rename one of the two"
