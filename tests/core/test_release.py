"""Declared support is true: licence, changelog, version pins that name a tag, dependency floors,
and .ci/run running exactly the README's test command."""

import re
import subprocess
from pathlib import Path

import pytest

from aslint import __version__

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _pyproject():
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_version_is_declared_once_in_agreement():
    assert _pyproject()["project"]["version"] == __version__


def test_license_file_matches_the_declared_licence():
    assert _pyproject()["project"]["license"] == {"text": "Apache-2.0"}
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "END OF TERMS AND CONDITIONS" in text  # the whole licence, not a stub


def test_changelog_has_the_current_release():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\]", text, re.M)
    assert "## [Unreleased]" in text


def _pins():
    pins = re.findall(r"rev: (v[\w.]+)", README)
    pins += re.findall(r"uses: aslint/aslint@(v[\w.]+)", README)
    pins += re.findall(r"git\+https://github\.com/aslint/aslint@(v[\w.]+)", README)
    return pins


def test_readme_pins_name_the_current_release():
    pins = _pins()
    assert len(pins) >= 3, pins
    assert set(pins) == {f"v{__version__}"}
    assert "## Releases" in README and "tagged `vX.Y.Z`" in README


def test_the_pinned_tag_exists_in_the_repository():
    try:
        tags = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("git is not available")
    if tags.returncode != 0:
        pytest.skip("not a git checkout")
    if not tags.stdout.strip():
        pytest.skip("this clone carries no tags (a shallow or tagless clone)")
    assert f"v{__version__}" in tags.stdout.split(), f"no tag v{__version__}; tags: {tags.stdout.split()}"


def test_ci_runs_exactly_the_readme_test_command_then_the_matrix():
    blocks = re.findall(r"Run the tests:\n\n```sh\n(.*?)\n```", README, re.S)
    assert len(blocks) == 1
    command = blocks[0].strip()
    assert "python3 -m venv" in command  # PEP 668: never pip into the system Python
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines()
    # the matrix gates CI: its own line under `set -e`, its failure not caught (no `|| ...`)
    assert "set -euo pipefail" in ci.splitlines()
    assert "bash .ci/matrix" in ci.splitlines()


def test_setup_command_uses_a_virtual_environment():
    setup = re.findall(r"Run aslint on the bundled examples:\n\n```sh\n(.*?)\n```", README, re.S)
    assert setup and setup[0].startswith("python3 -m venv .venv && . .venv/bin/activate && ")


def _floor(requirement: str):
    m = re.match(r"^\s*([A-Za-z0-9_.-]+)\s*>=\s*([\w.]+)", requirement)
    return (m.group(1).lower(), m.group(2)) if m else None


def test_matrix_floors_are_the_declared_minimums():
    declared = dict(f for f in (_floor(r) for r in _pyproject()["project"]["dependencies"]) if f)
    pinned = {}
    for line in (ROOT / ".ci" / "floors.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pinned[name.lower()] = version
    assert set(pinned) == set(declared)
    for name, floor in declared.items():
        # the pin is the floor itself, or the first release of that series (4.17 -> 4.17.0)
        assert pinned[name] == floor or pinned[name] == floor + ".0", (name, floor, pinned[name])
    matrix = (ROOT / ".ci" / "matrix").read_text(encoding="utf-8")
    lowest = _pyproject()["project"]["requires-python"].lstrip(">=")
    assert f'"{lowest} floors"' in matrix and '"3.13 newest"' in matrix
