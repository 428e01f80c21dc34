"""Hostile input at the parser: alias budgets, the depth pre-check, line endings, long integers.

Each class is tested at its mechanism; where it fits, as a property over real files (the examples,
and the corpus when ../shared is beside the checkout) mutated the hostile way.
"""

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from aslint.core import budget, yamlparse
from aslint.core.engine import RuleSet, lint_file
from aslint.core.jsonparse import ParseError
from aslint.core.loader import parse
from aslint.core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
RULESET = RuleSet(Settings())
EXAMPLES = sorted((ROOT / "examples").glob("*.json")) + sorted((ROOT / "examples").glob("*.yaml"))
CORPUS_YAML = sorted((SHARED / "corpus" / "eks").glob("*.yaml")) + sorted((SHARED / "corpus" / "templates").glob("*.yaml"))[:80]
CORPUS_JSON = sorted((SHARED / "corpus" / "asl").glob("*.json"))[:120]
PROPS = dict(max_examples=int(os.environ.get("ASLINT_FUZZ_EXAMPLES", "40")), deadline=None,
             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def lint(text: str, name: str):
    return lint_file(name, RULESET, explicit=True, data=text.encode("utf-8"), display=name)


def codes(result):
    return sorted((d.code, d.line, d.column) for d in result.diagnostics)


def _texts(paths):
    out = []
    for p in paths:
        try:
            out.append((p.name, p.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            pass
    return out


YAML_FILES = _texts([p for p in EXAMPLES if p.suffix == ".yaml"] + CORPUS_YAML)
JSON_FILES = _texts([p for p in EXAMPLES if p.suffix == ".json"] + CORPUS_JSON)


# -- the YAML alias budget: one per file ----------------------------------------------------------

def _bomb(levels: int = 9, width: int = 9) -> str:
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_a_bomb_padded_with_a_long_comment_is_refused_quickly():
    text = "# " + "x" * 1_000_000 + "\n" + _bomb()
    with pytest.raises(ParseError) as err:
        yamlparse.load_all(text, budget.Budget())
    assert "alias" in err.value.message


def test_strings_parsed_out_of_one_file_share_its_budget():
    # each mapRoles string expands to ~8,000 nodes: fine alone, forty of them are not
    small = _bomb(levels=5, width=9)
    one = budget.Budget()
    yamlparse.load_all(small, one)
    charged = budget.ALIAS_NODES - one.left
    assert 0 < charged < budget.ALIAS_NODES // 4 and 40 * charged > budget.ALIAS_NODES
    shared = budget.Budget()
    with pytest.raises(ParseError):
        for _ in range(40):
            yamlparse.load_all(small, shared)


def test_forty_aliased_maps_in_one_manifest_are_refused_not_multiplied():
    inner = _bomb(levels=5, width=9).replace("\n", "\n    ")
    docs = "".join(f"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\n"
                   f"data:\n  mapRoles: |\n    {inner}\n" for _ in range(40))
    result = lint(docs, "aws-auth.yaml")
    refused = [d for d in result.diagnostics if "alias" in d.message]
    assert refused and len(refused) < 40


def test_complex_keys_are_charged_and_never_expanded():
    # a key that is an alias of a billion-laughs list is named by a short excerpt of its source
    anchors = _bomb(levels=5).rstrip("\n")  # a4 stands for 9**4 strings
    b = budget.Budget()
    docs = yamlparse.load_all(anchors + "\nm:\n  ? *a4\n  : 1\n", b)
    (key,) = docs[0].data["m"]
    assert len(key) < 250 and "*a3" in key
    assert b.left < budget.ALIAS_NODES  # the key was charged
    docs = yamlparse.load_all("? [a, b]\n: 1\n", budget.Budget())
    assert list(docs[0].data) == ["[a, b]"]


def test_safe_data_has_the_same_budget():
    with pytest.raises(ParseError):
        yamlparse.safe_data(_bomb(), budget.Budget())
    assert yamlparse.safe_data("a: [1, yes]\n", budget.Budget()) == {"a": [1, True]}


def test_text_without_aliases_costs_nothing_however_large():
    text = "".join(f"k{i}: [{i}, {i + 1}]\n" for i in range(5_000))
    b = budget.Budget()
    assert len(yamlparse.load_all(text, b)[0].data) == 5_000
    assert b.left == budget.ALIAS_NODES


# -- the depth pre-check counts only what the parser nests ----------------------------------------

AWS_AUTH = """apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/service-role/Deployer
      username: deployer
      groups:
        - system:masters
"""


@pytest.mark.parametrize("padding", [
    "# " + "[" * 130 + "\n",
    "note: '" + "{" * 300 + "'\n",
    'note: "' + "[" * 300 + '"\n',
    "note: |\n  " + "[" * 300 + "\n",
    " " * 400 + "\n",
    "#" + " " * 400 + "x\n",
])
def test_brackets_in_comments_and_strings_do_not_hide_a_document(padding):
    result = lint(padding + AWS_AUTH, "aws-auth.yaml")
    assert result.recognized
    assert "AUTH007" in {d.code for d in result.diagnostics}


def test_real_deep_nesting_is_still_refused():
    with pytest.raises(ParseError):
        yamlparse.load_all("a: " + "[" * 200 + "]" * 200 + "\n", budget.Budget())
    deep = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v\n"
    with pytest.raises(ParseError):
        yamlparse.load_all(deep, budget.Budget())


@settings(**PROPS)
@given(st.data())
def test_comments_and_blank_lines_never_change_the_findings(data):
    if not YAML_FILES:
        pytest.skip("no YAML files")
    name, text = data.draw(st.sampled_from(YAML_FILES))
    junk = data.draw(st.sampled_from(["[", "{", "]", "}", "[{", "\"'"]))
    count = data.draw(st.integers(130, 600))
    padded = f"# {junk * count}\n" + " " * data.draw(st.integers(0, 600)) + "\n" + text
    try:
        before = lint(text, name)
    except RecursionError:
        return
    after = lint(padded, name)
    assert after.recognized == before.recognized
    assert [d.code for d in after.diagnostics] == [d.code for d in before.diagnostics]


# -- line endings --------------------------------------------------------------------------------

@settings(**PROPS)
@given(st.data())
def test_cr_only_line_endings_give_the_same_positions(data):
    name, text = data.draw(st.sampled_from(JSON_FILES + YAML_FILES))
    text = text.replace("\r\n", "\n")
    ending = data.draw(st.sampled_from(["\r", "\r\n"]))
    lf, other = lint(text, name), lint(text.replace("\n", ending), name)
    assert codes(other) == codes(lf)


def test_multi_document_yaml_builds_one_line_index():
    text = "".join(f"---\napiVersion: rbac.authorization.k8s.io/v1beta1\nkind: Role\nmetadata: {{name: r{i}}}\nrules: []\n"
                   for i in range(50))
    docs, problem = parse("roles.yaml", text)
    assert problem is None and len(docs) == 50
    assert len({id(d.lines) for d in docs}) == 1
    assert len({id(d.file_cache) for d in docs}) == 1  # per-file facts (YAML ignore comments) read once


def test_the_recursive_alias_probe_walks_each_node_once():
    from aslint.auth.maps import _recursive_alias

    assert _recursive_alias(_bomb(levels=9)) is False  # 9**8 paths, 73 nodes
    assert _recursive_alias("a: &x\n  b: *x\n") is True


# -- integers beyond Python's digit limit --------------------------------------------------------

@pytest.mark.parametrize("name,template", [
    ("wait.asl.json", '{{"StartAt": "A", "States": {{"A": {{"Type": "Wait", "Seconds": {n}, "End": true}}}}}}'),
    ("wait.asl.yaml", "StartAt: A\nStates:\n  A:\n    Type: Wait\n    Seconds: {n}\n    End: true\n"),
])
def test_a_huge_integer_is_a_finding_at_its_position(name, template):
    number = "7" * 5000
    text = template.format(n=number)
    result = lint(text, name)
    (d,) = result.diagnostics
    assert d.code == "ASL001" and "5,000 digits" in d.message and len(d.message) < 200
    line_start = text.rfind("\n", 0, text.index(number)) + 1
    assert (d.line, d.column) == (text.count("\n", 0, text.index(number)) + 1, text.index(number) - line_start + 1)


def test_a_huge_integer_inside_a_string_is_just_text():
    text = json.dumps({"StartAt": "A", "Comment": "7" * 5000, "States": {"A": {"Type": "Succeed"}}})
    assert [d.code for d in lint(text, "s.asl.json").diagnostics] == []
