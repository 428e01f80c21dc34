import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = (ROOT.parent / "shared").resolve()


@pytest.fixture
def shared():
    if not (SHARED / "reference").is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


def codes(diagnostics):
    return sorted({d.code for d in diagnostics})
