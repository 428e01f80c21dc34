"""Rules are imported by the kinds of document a run meets (the generated index says which module
holds which rule of which kinds), and a rule the index does not list yet still runs."""

from __future__ import annotations

import json
import subprocess
import sys

from aslint.catalog.index import RULES
from aslint.core.engine import RuleSet, lint_file
from aslint.core.rule import REGISTRY, Rule, RuleMap, RulesByKind, RuleTable
from aslint.core.settings import Settings

DEFINITION = {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}}


def test_a_definition_run_imports_no_rule_module_of_other_kinds(tmp_path):
    (tmp_path / "d.asl.json").write_text(json.dumps(DEFINITION))
    code = ("import sys\nfrom aslint.cli import main\nmain(['check', '--exit-zero', '--isolated', 'd.asl.json'])\n"
            "print(sorted(m for m in sys.modules if '.rules.' in m))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    imported = set(eval(out.strip().splitlines()[-1]))  # noqa: S307 - our own printed list
    wanted = {module for module, kinds, scope in RULES.values() if "asl" in kinds or scope == "project"}
    assert imported == wanted
    assert any("iam-policy" in kinds and module not in wanted for module, kinds, _ in RULES.values())


def test_the_rules_of_a_kind_are_the_selected_ones_in_code_order():
    ruleset = RuleSet(Settings(ignore=["ASL1"]))
    rules = ruleset.by_kind.get("iam-policy")
    expected = sorted(c for c, (_m, kinds, scope) in RULES.items() if "iam-policy" in kinds and scope == "document")
    assert [r.code for r in rules] == expected
    assert not any(c.startswith("ASL1") for c in ruleset.active) and "ASL101" in ruleset.all_rules
    assert len(ruleset.all_rules) == len(set(RULES) | set(REGISTRY))


def test_a_rule_the_index_does_not_list_is_used(tmp_path):
    class Unlisted(Rule):  # registers itself, as a rule module added since the index would
        code = "ZZZ100"

        def check(self, ctx):
            yield self.finding("/States/A", "unlisted rule ran")

    try:
        path = tmp_path / "d.asl.json"
        path.write_text(json.dumps(DEFINITION))
        result = lint_file(str(path), RuleSet(Settings()))
        assert [d.message for d in result.diagnostics if d.code == "ZZZ100"] == ["unlisted rule ran"]
    finally:
        del REGISTRY["ZZZ100"]


def test_a_stale_entry_is_no_rule():
    """An index entry whose module no longer defines the code (the index not yet regenerated)."""
    module = next(iter(RULES.values()))[0]
    table = RuleTable({"ZZZ200": (module, ("asl",), "document")})
    rules = RuleMap(table, table.codes())
    assert "ZZZ200" in rules and rules.get("ZZZ200") is None
    assert "ZZZ200" not in {r.code for r in RulesByKind(rules).get("asl")} and "ZZZ200" not in table.codes()
