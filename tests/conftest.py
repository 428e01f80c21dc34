import os
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
