"""aslint against AWS's own verdicts: no error on what AWS accepts, an error on what it rejects.

tests/accuracy/valid/ holds definitions and templates AWS accepts (and runs), tests/accuracy/rejected/
ones AWS rejects at create/update (or whose execution certainly fails at the state). Every file is a
re-creation of a documented fact, with its origin in ORIGINS.tsv (AWS documentation, a cloud
emulator's tests recorded against AWS, the AWS language service's and peers' fixtures, issues).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from aslint.core.engine import RuleSet, lint_file
from aslint.core.settings import Settings

HERE = Path(__file__).parent
VALID = sorted(p for p in (HERE / "valid").iterdir() if p.is_file())
REJECTED = sorted(p for p in (HERE / "rejected").iterdir() if p.is_file())
_RULESET = None


def _errors(path: Path) -> list:
    global _RULESET
    if _RULESET is None:
        _RULESET = RuleSet(Settings())
    result = lint_file(str(path), _RULESET, explicit=True)
    return [(d.code, d.line, d.message) for d in result.diagnostics if d.severity == "error"]


def test_every_case_has_its_origin():
    with open(HERE / "ORIGINS.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    listed = {r["file"]: r for r in rows}
    on_disk = {f"{p.parent.name}/{p.name}" for p in VALID + REJECTED}
    assert set(listed) == on_disk
    assert all(r["origin"].strip() for r in rows)
    assert all(r["expect"] == ("no error" if f.startswith("valid/") else "an error") for f, r in listed.items())
    assert len(VALID) >= 20 and len(REJECTED) >= 20


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_aws_valid_case_has_no_error(path):
    assert _errors(path) == []


@pytest.mark.parametrize("path", REJECTED, ids=[p.name for p in REJECTED])
def test_aws_rejected_case_has_an_error(path):
    assert _errors(path), f"{path.name}: AWS rejects it, aslint reports no error"
