"""docs/architecture.md stays drawn from the code: it names every package and every family."""

from pathlib import Path

import aslint
from aslint.core.kinds import families

ROOT = Path(aslint.__file__).resolve().parent
DOC = (ROOT.parent / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_every_package_is_on_the_page():
    packages = sorted(p.name for p in ROOT.iterdir() if (p / "__init__.py").is_file())
    assert {"core", "catalog", "output", "asl"} <= set(packages)
    missing = [name for name in packages if f"{name}/" not in DOC]
    assert missing == []


def test_every_family_is_on_the_page():
    assert [f for f in families() if f"{f.split('.')[1]}/" not in DOC] == []
