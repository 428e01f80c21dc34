"""Hostile values: long strings and keys, glob patterns, placeholders, many definitions on one role.

The bounds are behaviour here (what is printed, what matches); their time and memory are measured
by benchmarks/hostile.py, never by a timed test.
"""

import copy
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from aslint.core.engine import RuleSet, lint_file
from aslint.core.finding import MAX_RUN, MAX_TEXT, bounded
from aslint.core.nearest import close_matches
from aslint.core.settings import Settings
from aslint.iam.arn import covers, glob_match

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
RULESET = RuleSet(Settings())
FILES = sorted((ROOT / "examples").glob("*.json")) + sorted((SHARED / "corpus" / "asl").glob("*.json"))[:150]
PROPS = dict(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _load(path):
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) else None


DEFINITIONS = [d for d in (_load(p) for p in FILES) if d]


def _places(node, prefix=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield prefix + (k,)
            yield from _places(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield prefix + (i,)
            yield from _places(v, prefix + (i,))


def _longest_run(text: str) -> int:
    return max((len(m) for m in re.findall(r"\S+", text)), default=0)


@settings(**PROPS)
@given(st.data())
def test_no_diagnostic_prints_a_long_value_or_key_whole(data):
    doc = copy.deepcopy(data.draw(st.sampled_from(DEFINITIONS)))
    places = list(_places(doc))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(places))
        parent = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
        except (KeyError, IndexError, TypeError):
            continue
        huge = data.draw(st.sampled_from(["x", "arn:aws:iam::111122223333:role/", "$.", "a b "])) * data.draw(st.integers(2_000, 60_000))
        if isinstance(parent, dict) and data.draw(st.booleans()) and path[-1] in parent:
            parent[huge] = parent.pop(path[-1])  # a huge key
        elif isinstance(parent, (dict, list)):
            try:
                parent[path[-1]] = huge
            except (IndexError, KeyError):
                continue
    result = lint_file("huge.asl.json", RULESET, explicit=True, data=json.dumps(doc).encode(), display="huge.asl.json")
    for d in result.diagnostics:
        for text in (d.message, d.hint or "", d.state or "", *(msg for _, msg in d.related)):
            assert len(text) <= MAX_TEXT, (d.code, len(text))
            assert _longest_run(text) <= MAX_RUN + 40, (d.code, _longest_run(text))


def test_bounded_keeps_short_texts_and_cuts_long_ones():
    assert bounded("state 'A' has no Next") == "state 'A' has no Next"
    cut = bounded("unknown field '" + "K" * 4_000_000 + "' in state 'A'")
    assert len(cut) < 200 and "4,000,002 chars" in cut and cut.endswith("in state 'A'")


@settings(max_examples=300, deadline=None)
@given(st.text("ab", max_size=8), st.sampled_from(["Next", "Default", "Resource", "ItemProcessor", "x"]))
def test_close_matches_answers_as_difflib_does(word, extra):
    import difflib

    choices = ["Next", "End", "Default", "Resource", "ItemProcessor", extra]
    for w in (word, word + "Nex", "Nxt" + word):
        assert close_matches(w, choices, n=1, cutoff=0.6) == difflib.get_close_matches(w, choices, n=1, cutoff=0.6)


def test_close_matches_does_not_compare_a_huge_word():
    assert close_matches("N" * 4_000_000, ["Next", "End"]) == []


def _reference(pattern, text, ignore_case=False):
    body = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.fullmatch(body, text, re.DOTALL | (re.IGNORECASE if ignore_case else 0)) is not None


@settings(max_examples=400, deadline=None)
@given(st.text("ab:*?", max_size=10), st.text("ab:", max_size=10), st.booleans())
def test_glob_matches_exactly_what_the_regex_does(pattern, text, ignore_case):
    assert glob_match(pattern, text, ignore_case) == _reference(pattern, text, ignore_case)


@settings(max_examples=200, deadline=None)
@given(st.text("ab*?", max_size=8), st.text("ab", max_size=8))
def test_covers_a_literal_text_as_glob_match_does(pattern, text):
    assert covers(pattern, text) == _reference(pattern, text)


def test_a_pattern_of_many_wildcards_is_answered():
    assert glob_match("?*" * 300 + "Z", "a" * 5000) is False
    assert glob_match("?*" * 300 + "Z", "a" * 5000 + "Z") is True
    assert covers("arn:*:" + "?*" * 300, "arn:aws:" + "x" * 1000 + "*") is True


def test_placeholders_end_at_the_first_brace():
    from aslint.templates.substitution import TOKEN

    assert [m.group(2) for m in TOKEN.finditer("a ${X y ${Region} ${Name}")] == ["Region", "Name"]
    assert TOKEN.findall("${" * 50_000) == []


def test_definitions_sharing_a_role_share_one_list():
    from aslint.core.loader import load
    from aslint.core.engine import recognize
    from aslint.iam.attach import attach_all

    definition = {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::eks:describeCluster",
                                                  "Parameters": {"Name": "c"}, "End": True}}}
    resources = {"Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "p", "PolicyDocument": {
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "eks:DescribeCluster", "Resource": "*"}]}}]}}}
    for i in range(300):
        resources[f"M{i}"] = {"Type": "AWS::StepFunctions::StateMachine",
                              "Properties": {"RoleArn": {"Fn::GetAtt": ["Role", "Arn"]}, "Definition": definition}}
    loaded = load("t.template.json", json.dumps({"Resources": resources}).encode())
    found = recognize(loaded)
    attach_all(found, Settings())
    machines = [d for d in found if d.kind == "asl"]
    assert len(machines) == 300
    assert len({id(d.context["iam_sharers"]) for d in machines}) == 1
    assert machines[0].context["iam_sharers"] == machines


def test_long_complex_paths_are_checked_without_jsonpath_ng():
    from aslint.asl import paths

    union = "$[" + ",".join(f"'k{i}'" for i in range(5_000)) + "]"
    assert len(union) > paths.JSONPATH_NG_MAX
    assert paths.check_path(union).ok
    assert not paths.check_path(union[:-1]).ok  # the scanner still sees the missing ']'
    assert paths.check_path("$['a','b']").ok and not paths.check_path("$[?(@.a ==]").ok
