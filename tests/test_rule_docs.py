"""Every rule has a doc, every doc has a rule, and every doc's examples do what they say."""

import re

import pytest

from aslint.catalog import ruledocs
from aslint.api import lint_text
from aslint.core.engine import CORE_CODES, RuleSet
from aslint.core.settings import Settings

CATALOG = ruledocs.catalog()
RULESET = RuleSet(Settings())
LANG_SUFFIX = {"json": ".json", "yaml": ".yaml", "yml": ".yaml"}


def test_every_rule_has_a_doc_and_every_doc_a_rule():
    implemented = set(RULESET.all_rules) | set(CORE_CODES)
    documented = set(CATALOG)
    assert implemented - documented == set(), "rules without rules/CODE.md"
    assert documented - implemented == set(), "docs without a rule"


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_doc_has_required_parts(code):
    doc = CATALOG[code]
    assert doc.name and re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", doc.name), "kebab-case name"
    assert doc.severity in ("error", "warning", "info")
    assert doc.summary
    for section in ruledocs.REQUIRED_SECTIONS:
        assert section in doc.body, f"{code} lacks '{section}'"


def _lint_example(code, blocks, ruleset=None):
    (info, text), attachments = blocks[0], blocks[1:]
    lang = info.split()[0] if info else "json"
    words = info.split()
    name = words[1] if len(words) > 1 and "." in words[1] else "example" + (".asl" if lang == "json" else "") + LANG_SUFFIX.get(lang, ".json")
    extra = {}
    for i, (a_info, a_text) in enumerate(attachments):
        parts = a_info.split()
        a_name = parts[1] if len(parts) > 1 else f"attachment{i}{LANG_SUFFIX.get(parts[0] if parts else 'json', '.json')}"
        extra[a_name] = a_text
    return lint_text(text, name, ruleset=ruleset or RULESET, extra_files=extra)


EXAMPLE_CODES = sorted(c for c, d in CATALOG.items() if d.examples()[0] and d.examples()[0][0][0].split()[:1] != ["text"])


@pytest.mark.parametrize("code", EXAMPLE_CODES)
def test_failing_example_raises_the_rule(code):
    failing, _ = CATALOG[code].examples()
    found = {d.code for d in _lint_example(code, failing)}
    assert code in found, f"{code}'s Example does not raise {code} (got {sorted(found)})"


@pytest.mark.parametrize("code", EXAMPLE_CODES)
def test_fixed_example_does_not(code):
    _, passing = CATALOG[code].examples()
    assert passing, f"{code} has no 'Use instead:' block"
    found = {d.code for d in _lint_example(code, passing)}
    assert code not in found, f"{code}'s 'Use instead' example still raises it"


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_options_are_declared_once_with_types(code):
    from aslint.catalog.options import spec_problems

    doc = CATALOG[code]
    assert spec_problems(doc.options) == []
    assert "## Options" not in doc.body, "the Options section is made from the front matter"
    assert not hasattr(RULESET.all_rules.get(code), "options"), "options are declared in the doc, not the class"


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_fast_front_matter_reader_agrees_with_yaml(code):
    import yaml

    front, _ = ruledocs._split(CATALOG[code].path.read_text(encoding="utf-8"))
    assert ruledocs.front_matter(front) == (yaml.safe_load(front) or {})


def test_declarative_index_is_current():
    """aslint/catalog/declarative_index.py lists every doc and which state a check (regenerate it with
    `python -m aslint.catalog.declarative_index`)."""
    from aslint.catalog import declarative_index, ruledocs

    with open(declarative_index.__file__, encoding="utf-8") as handle:
        assert declarative_index._generate() == handle.read(), "run: python -m aslint.catalog.declarative_index"
    docs = ruledocs.catalog()
    assert declarative_index.SCANNED == set(docs._paths)
    assert docs.declarative() == [c for c in docs._paths if ruledocs.states_a_check(docs._paths[c])]
