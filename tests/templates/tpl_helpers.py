"""Shared helpers for the template tests: lint files on disk through the real CLI loop."""

from __future__ import annotations

import os
from pathlib import Path

from aslint.api import lint_text
from aslint.core.engine import RuleSet, lint_file
from aslint.core.loader import load
from aslint.core.settings import Settings

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_RULESET = None


def ruleset() -> RuleSet:
    global _RULESET
    if _RULESET is None:
        _RULESET = RuleSet(Settings())
    return _RULESET


def lint(text: str, name: str = "template.yaml", extra: dict | None = None) -> list:
    return lint_text(text, name, ruleset=ruleset(), extra_files=extra)


def run_paths(paths) -> list:
    from aslint.cli import run

    class _Args:
        jobs = 1
        fix = diff = False
        stdin_filename = None

    return run([(str(p), True) for p in paths], ruleset(), _Args())


def documents(text: str, name: str = "template.yaml", folder: str | None = None) -> list:
    """The documents the engine finds in ``text`` (the template's and every extracted one)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(folder or tmp, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return lint_file(path, ruleset(), explicit=True).documents


def at(text: str, line: int, column: int, length: int) -> str:
    """The characters of ``text`` at a 1-based line/column."""
    return text.splitlines()[line - 1][column - 1:column - 1 + length]


def loaded(path) -> object:
    return load(str(path))
