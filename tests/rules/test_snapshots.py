"""Every rule's fixture folder gives exactly its snapshot (positions, codes, messages, hints)."""

import pytest

from aslint.catalog import ruledocs
from aslint.core.rule import REGISTRY, Rule

from .snapshots import FIXTURES, SNAPSHOT, cases, render

CATALOG = ruledocs.catalog()
FOLDERS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.is_dir() else []


def test_every_rule_has_a_snapshot_fixture():
    missing = [code for code in sorted(CATALOG) if not (FIXTURES / code / SNAPSHOT).is_file()]
    assert not missing, f"rules without tests/rules/fixtures/CODE/{SNAPSHOT}: {missing}"
    assert set(FOLDERS) <= set(CATALOG), "fixture folders for codes that do not exist"


class _CrashingRule(Rule):
    """Only for ASL000's fixture: a rule that fails half-way, as a bug would."""

    code = ""  # registered by hand below, never by subclassing

    def check(self, ctx):
        yield from ()
        raise KeyError("a bug")


@pytest.mark.parametrize("code", [pytest.param(c, marks=pytest.mark.internal_error) if c == "ASL000" else c
                                  for c in FOLDERS])
def test_snapshot(code, capsys, monkeypatch, update_snapshots):
    folder = FIXTURES / code
    select = code
    if code == "ASL000":  # no document provokes an internal error on purpose: a broken rule does
        _CrashingRule.code = "ZZZ999"
        monkeypatch.setitem(REGISTRY, "ZZZ999", _CrashingRule)
        select = "ASL000,ZZZ999"
    assert cases(folder), f"{folder} has no case folder"
    got = render(select, folder, capsys, monkeypatch)
    path = folder / SNAPSHOT
    if update_snapshots or not path.exists():
        path.write_text(got, encoding="utf-8")
        if not update_snapshots:
            pytest.fail(f"wrote the missing {path}; review and commit it")
    assert got == path.read_text(encoding="utf-8"), f"run with --update-snapshots to accept the new output of {code}"
    for section in got.split("## ")[1:]:
        hits = [line for line in section.splitlines() if f": {code} " in line]
        if section.startswith("fail"):
            assert hits, f"{code}'s failing case does not raise it"
        elif section.startswith("pass"):
            assert not hits, f"{code}'s passing case raises it"
