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


def test_catalog_index_is_current():
    """aslint/catalog/index.py holds every doc's front matter as its file states it (regenerate it
    with `python -m aslint.catalog.make_index`), and the catalog built from it equals the docs parsed."""
    from aslint.catalog import index, make_index, ruledocs

    with open(index.__file__, encoding="utf-8") as handle:
        assert make_index.generate() == handle.read(), "run: python -m aslint.catalog.make_index"
    docs = ruledocs.catalog()
    paths = docs.paths()
    assert set(index.DOCS) == set(paths)
    for code, path in paths.items():
        assert docs[code] == ruledocs.parse(path)
    assert docs.declarative() == [c for c in paths if ruledocs.states_a_check(paths[c])]


def test_a_doc_the_index_does_not_list_is_read(tmp_path, monkeypatch):
    """A doc added since the index was generated works before regeneration: it is parsed."""
    from aslint.catalog import index, ruledocs

    source = ruledocs.catalog().paths()["ASL101"].read_text(encoding="utf-8")
    (tmp_path / "ASL101.md").write_text(source.replace("severity: error", "severity: info"), encoding="utf-8")
    (tmp_path / "ZZZ001.md").write_text(source.replace("code: ASL101", "code: ZZZ001").replace(
        "name: unknown-field", "name: zzz\ncheck:\n  given: states\n  then:\n    function: defined"), encoding="utf-8")
    monkeypatch.delitem(index.DOCS, "ASL101")
    fresh = ruledocs.Catalog(str(tmp_path), ["ASL101.md", "ZZZ001.md"])
    assert fresh["ASL101"].severity == "info"
    assert fresh["ZZZ001"].name == "zzz" and fresh.declarative() == ["ZZZ001"]