"""The user-facing examples: the good one is clean, the bad one shows each mistake it names."""

from __future__ import annotations

from .helpers import ROOT, lint


def test_good_example_is_clean():
    text = (ROOT / "examples/aws-auth-good.yaml").read_text()
    assert lint(text, "aws-auth-good.yaml") == []


def test_bad_example_raises_what_its_comments_promise():
    text = (ROOT / "examples/aws-auth-bad.yaml").read_text()
    found = {d.code for d in lint(text, "aws-auth-bad.yaml")}
    promised = {word.rstrip(":;,") for line in text.splitlines() for word in line.split() if word.startswith("AUTH0")}
    assert promised and promised <= found, promised - found
