"""Every file of ../shared/corpus and the reference examples, in every format: no crash, no traceback."""

import json
import subprocess
import sys

import pytest


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "text"])
def test_corpus_in_every_format(shared, fmt, tmp_path):
    out = tmp_path / f"report.{fmt}"
    proc = subprocess.run([sys.executable, "-m", "aslint", "check", "--exit-zero", "-j", "2", "--format", fmt, "--output", str(out),
                           str(shared / "corpus"), str(shared / "reference" / "examples")],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr == ""
    text = out.read_text()
    if fmt == "json":
        report = json.loads(text)
        assert report["files"] > 900
        assert not [d for d in report["diagnostics"] if d["code"] == "ASL000"], "a rule crashed on a corpus file"
    elif fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        assert results and not [r for r in results if r["ruleId"] == "ASL000"]
    elif fmt == "github":
        assert all(line.startswith("::") for line in text.splitlines()) and "(ASL000)" not in text
    else:
        assert " ASL000 " not in text
        assert text.rstrip().splitlines()[-1].startswith("Found ")
