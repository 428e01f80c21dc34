"""Every built-in rule's messages in one style (ruff's): one short statement of what is wrong, the
fix apart in the hint. Held on every message the rule docs' examples produce."""

from __future__ import annotations


import re
import sys
from pathlib import Path

import pytest

from aslint.catalog import ruledocs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from test_rule_docs import EXAMPLE_CODES, _lint_example  # noqa: E402

CATALOG = ruledocs.catalog()
HARD_LIMIT, AIM = 200, 120
HINT_LIMIT = 400  # a hint may carry a statement to paste and why
#: the families whose messages are in the new style (all of them once the rewording is done)
STYLED = ("ASL", "EKS", "LCY", "TPL", "IAM", "PAY", "DAT", "AUTH")


def problems(message: str, hint: str | None) -> list:
    found = []
    if len(message) > HARD_LIMIT:
        found.append(f"{len(message)} characters (limit {HARD_LIMIT})")
    if "\n" in message or (hint and "\n" in hint):
        found.append("more than one line")
    if message.endswith(".") and not message.endswith("..."):
        found.append("a final period")
    if re.search(r"\bfix:", message, re.I):
        found.append("a 'Fix:' inside the message (the fix is the hint)")
    if re.search(r"[a-z0-9)\]'\"]\. [A-Z]", message):
        found.append("more than one sentence")
    if message.count("->") + message.count("→") > 3:
        found.append("a path of state names")
    if hint is not None:
        if not hint or len(hint) > HINT_LIMIT:
            found.append(f"a hint of {len(hint)} characters")
        elif hint.endswith(".") and not hint.endswith("..."):
            found.append("a hint with a final period")
        elif not (hint[0].isupper() or hint[0] in "'\"`$[{"):
            found.append("a hint that does not start with a capital (an imperative: 'Add ...')")
    return found


def _messages(code):
    out = []
    for blocks in CATALOG[code].examples():
        if blocks:
            out += [d for d in _lint_example(code, blocks) if d.code.startswith(STYLED)]
    return out


@pytest.mark.parametrize("code", [c for c in EXAMPLE_CODES if c.startswith(STYLED)])
def test_doc_example_messages_are_in_style(code):
    bad = [f"{d.code} {d.message!r}: {', '.join(p)}" for d in _messages(code) if (p := problems(d.message, d.hint))]
    assert not bad


def test_most_messages_are_short():
    lengths = [len(d.message) for code in EXAMPLE_CODES if code.startswith(STYLED) for d in _messages(code)]
    over = [n for n in lengths if n > AIM]
    assert len(over) <= len(lengths) // 10, f"{len(over)} of {len(lengths)} messages over {AIM} characters"


@pytest.mark.parametrize("message, hint, wanted", [
    ("state 'A' has no 'Next'", "Add \"Next\"", []),
    ("x" * 201, None, ["201 characters (limit 200)"]),
    ("state 'A' has no 'Next'.", None, ["a final period"]),
    ("state 'A' has no 'Next'; Fix: add one", None, ["a 'Fix:' inside the message (the fix is the hint)"]),
    ("the state fails. Add a Catch", None, ["more than one sentence"]),
    ("loops: A -> B -> C -> D -> A", None, ["a path of state names"]),
    ("state 'A' has no 'Next'", "add one.", ["a hint with a final period"]),
])
def test_the_style_check_itself(message, hint, wanted):
    assert problems(message, hint) == wanted
