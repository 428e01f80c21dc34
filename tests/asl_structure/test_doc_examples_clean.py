"""The 'Use instead' example of every structure rule is clean for the whole structure family.

(tests/test_rule_docs.py checks each example against its own code; this checks that a fixed
example does not trip a sibling rule, which would make the docs teach something wrong.)
"""

from __future__ import annotations

import re

import pytest

from aslint.catalog import ruledocs
from tests.asl_structure.helpers import lint

OURS = re.compile(r"^ASL(0[1-9]\d|[12]\d\d)$")
CODES = sorted(c for c, d in ruledocs.catalog().items()
               if OURS.match(c) and d.examples()[1] and d.examples()[1][0][0].split()[:1] == ["json"])


@pytest.mark.parametrize("code", CODES)
def test_use_instead_example_is_clean(code):
    _, passing = ruledocs.catalog()[code].examples()
    diags = [d for d in lint(passing[0][1]) if OURS.match(d.code) and d.severity in ("error", "warning")]
    assert not diags, [(d.code, d.message) for d in diags]
