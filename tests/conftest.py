import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ASLINT_SHARED") or ROOT.parent / "shared").resolve()  # a worktree may point elsewhere


def pytest_addoption(parser):
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="rewrite tests/rules/fixtures/*/snapshot.txt from the current output")


@pytest.fixture
def update_snapshots(request):
    return request.config.getoption("--update-snapshots") or os.environ.get("ASLINT_UPDATE_SNAPSHOTS") == "1"


# The suite writes only into temporary folders: no bytecode caches, no Hypothesis example
# database in the checkout (pytest's own cache is off in pyproject.toml's addopts).
sys.dont_write_bytecode = True
_HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="aslint-hypothesis-")
atexit.register(shutil.rmtree, _HYPOTHESIS_HOME, True)
try:
    from hypothesis import settings as _hypothesis_settings
    from hypothesis.configuration import set_hypothesis_home_dir

    set_hypothesis_home_dir(_HYPOTHESIS_HOME)  # its constants cache and any database go there
    _hypothesis_settings.register_profile("aslint", database=None)
    _hypothesis_settings.load_profile("aslint")
except ImportError:  # pragma: no cover
    pass


@pytest.fixture
def shared():
    if not (SHARED / "reference").is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


def codes(diagnostics):
    return sorted({d.code for d in diagnostics})


@pytest.fixture(autouse=True)
def _rules_behave(request, monkeypatch):
    """Every test, automatically: no rule crashes (ASL000, internal error) unless the test is marked
    ``internal_error``, and no rule reports a severity its doc does not declare."""
    from aslint.core import engine

    crashes, undeclared = [], []
    report_internal = engine._internal
    resolve = engine.RuleSet.severity

    def internal(result, doc, ruleset, where, err):
        crashes.append(f"{where}: {type(err).__name__}: {err}")
        return report_internal(result, doc, ruleset, where, err)

    def severity(self, code, stated=None):
        doc = self.docs.get(code)
        if stated is not None and doc is not None and stated not in doc.severities:
            undeclared.append(f"{code} reported {stated!r}, its doc declares {doc.severities}")
        return resolve(self, code, stated)

    monkeypatch.setattr(engine, "_internal", internal)
    monkeypatch.setattr(engine.RuleSet, "severity", severity)
    yield
    if crashes and request.node.get_closest_marker("internal_error") is None:
        pytest.fail("ASL000 (internal error) during the test: " + "; ".join(crashes[:5]))
    if undeclared:
        pytest.fail("a severity its rule doc does not declare: " + "; ".join(sorted(set(undeclared))[:5]))


# ---- the suite leaves no new file in the checkout

def _stray_files() -> set:
    try:
        out = subprocess.run(["git", "status", "--porcelain", "-z", "--ignored", "--untracked-files=all"], cwd=ROOT,
                             capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    paths = {entry[3:] for entry in out.split("\0") if entry[:2] in ("??", "!!") and "__pycache__" not in entry}
    # a virtual environment in the checkout (the README's .venv) is the interpreter's, not the suite's:
    # its packages may write caches of their own (python-hcl2's grammar cache)
    return {p for p in paths if not (ROOT / p.split("/", 1)[0] / "pyvenv.cfg").is_file()}


def pytest_sessionstart(session):
    session.config._aslint_stray_before = _stray_files() if (ROOT / ".git").exists() else None


def pytest_sessionfinish(session, exitstatus):
    before = getattr(session.config, "_aslint_stray_before", None)
    if before is None:
        return
    new = sorted(_stray_files() - before)
    if new:
        sys.stderr.write("\nThe tests wrote into the checkout (they must write only into temporary folders):\n"
                         + "".join(f"  {p}\n" for p in new[:20]))
        session.exitstatus = 1
