"""Rule fixtures as data: ``tests/rules/fixtures/<CODE>/`` holds one folder per case (``fail/``,
``pass/``, any other name) with the input files of one run, and ``snapshot.txt``, the full text
output of ``aslint check --select CODE`` over each case as a terminal shows it (``help:`` lines
included).

Update the snapshots after a deliberate change with ``pytest tests/rules --update-snapshots`` (or
``ASLINT_UPDATE_SNAPSHOTS=1``) and review the diff.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SNAPSHOT = "snapshot.txt"


def cases(folder: Path) -> list:
    return sorted(p for p in folder.iterdir() if p.is_dir())


def inputs(case: Path) -> list:
    return sorted(str(p.relative_to(case)).replace(os.sep, "/") for p in case.rglob("*") if p.is_file())


def run_case(code: str, case: Path, capsys, monkeypatch) -> str:
    """The text output of one case, run from inside its folder so that paths are relative."""
    from aslint.cli import main

    monkeypatch.chdir(case)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)  # show the help lines
    capsys.readouterr()
    main(["check", "--isolated", "--no-color", "--format", "text", "--select", code, *inputs(case)])
    return capsys.readouterr().out


def render(code: str, folder: Path, capsys, monkeypatch) -> str:
    parts = []
    for case in cases(folder):
        parts.append(f"## {case.name}: {' '.join(inputs(case))}\n{run_case(code, case, capsys, monkeypatch)}")
    return "\n".join(parts)
