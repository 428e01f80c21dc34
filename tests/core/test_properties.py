"""Property tests: random JSON/YAML and random mutations of valid definitions never break aslint."""

import copy
import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from aslint.core.engine import RuleSet, lint_file
from aslint.core.finding import SEVERITIES
from aslint.output import render
from aslint.core.settings import Settings

RULESET = RuleSet(Settings())
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = sorted((SHARED / "corpus" / "asl").glob("*.json")) + sorted((SHARED / "reference" / "examples").glob("*.json"))
# `python3 benchmarks/fuzz.py` raises this for a long run; CI keeps it small
EXAMPLES_PER_TEST = int(os.environ.get("ASLINT_FUZZ_EXAMPLES", "60"))
BASE = {
    "Comment": "base", "StartAt": "Create",
    "States": {
        "Create": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
                   "Parameters": {"Name": "c", "RoleArn": "arn:aws:iam::111122223333:role/r",
                                  "ResourcesVpcConfig": {"SubnetIds": ["subnet-1", "subnet-2"]}},
                   "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}],
                   "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Delete", "ResultPath": "$.error"}],
                   "ResultPath": "$.eks", "Next": "Choose"},
        "Choose": {"Type": "Choice", "Choices": [{"Variable": "$.x", "NumericEquals": 1, "Next": "Par"}], "Default": "Delete"},
        "Par": {"Type": "Parallel", "Branches": [{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": True}}}], "Next": "Map"},
        "Map": {"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}, "Next": "Delete"},
        "Delete": {"Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster.sync", "Parameters": {"Name": "c"}, "End": True},
    },
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=30,
)

SETTINGS = dict(max_examples=EXAMPLES_PER_TEST, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _lint(text: str, name: str):
    result = lint_file(name, RULESET, explicit=True, data=text.encode("utf-8", "surrogatepass"), display=name)
    for d in result.diagnostics:
        assert d.severity in SEVERITIES and d.line >= 1 and d.column >= 1
        assert d.code != "ASL000", d.message  # no rule crashed
    return result


def _report(result):
    from aslint.cli import Report

    summary = {"error": 0, "warning": 0, "info": 0}
    for d in result.diagnostics:
        summary[d.severity] += 1
    return Report(result.diagnostics, 1, RULESET, summary)


@settings(**SETTINGS)
@given(json_values)
def test_random_json_documents(value):
    result = _lint(json.dumps(value), "random.asl.json")
    json.loads(render("json", _report(result)))
    json.loads(render("sarif", _report(result)))
    render("github", _report(result))


@settings(**SETTINGS)
@given(st.text(max_size=200))
def test_random_text_as_yaml_and_json(text):
    _lint(text, "random.asl.yaml")
    _lint(text, "random.asl.json")


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


MUTATIONS = st.sampled_from(["delete", "swap-type", "huge-string", "deep", "unicode", "null", "empty"])
REPLACEMENTS = {"swap-type": [1, "x", True, [], {}, None, 1.5], "huge-string": ["x" * 5000], "deep": [[[[[[[[{"a": [[[]]]}]]]]]]]],
                "unicode": ["\u00e9\u4e2d\U0001F600\u202e"], "null": [None], "empty": [{}]}


def _corpus_definition(data):
    """A real definition from the corpus and the examples (when ../shared is beside the checkout)."""
    candidates = CORPUS + EXAMPLES
    while candidates:
        path = data.draw(st.sampled_from(candidates))
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            candidates = [c for c in candidates if c != path]
            continue
        if isinstance(value, dict):
            return value
        candidates = [c for c in candidates if c != path]
    return copy.deepcopy(BASE)


@settings(**SETTINGS)
@given(st.data())
def test_mutated_definitions(data):
    doc = copy.deepcopy(BASE) if data.draw(st.booleans()) else _corpus_definition(data)
    for _ in range(data.draw(st.integers(1, 4))):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        mutation = data.draw(MUTATIONS)
        if mutation == "delete":
            del parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(REPLACEMENTS[mutation])))
    _lint(json.dumps(doc, indent=1), "mutated.asl.json")
    _lint(json.dumps(doc), "mutated.asl.yaml")


@settings(**SETTINGS)
@given(st.data())
def test_truncated_examples(data):
    texts = [p.read_text() for p in EXAMPLES] or [json.dumps(BASE, indent=2)]
    text = data.draw(st.sampled_from(texts))
    cut = data.draw(st.integers(0, len(text)))
    _lint(text[:cut], "cut.asl.json")


CFN_TAGS = ["!Ref X", "!GetAtt A.B", "!Sub 'a-${X}'", "!Join ['', [a, !Ref B]]", "!If [c, 1, 2]", "!Unknown {a: 1}",
            "!!python/object/apply:os.system ['true']", "!!binary aGVsbG8=", "!!timestamp 2020-01-01"]


@settings(**SETTINGS)
@given(st.lists(st.tuples(st.sampled_from(["StartAt", "States", "Resources", "Type", "Definition", "mapRoles", "x"]),
                          st.sampled_from(CFN_TAGS)), max_size=6))
def test_cloudformation_tags_in_yaml(pairs):
    text = "\n".join(f"{key}: {tag}" for key, tag in pairs) + "\n"
    _lint(text, "template.yaml")
    _lint("Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n"
          + "".join(f"        {key}: {tag}\n" for key, tag in pairs), "template.yaml")


def test_the_base_definition_is_linted_without_internal_errors():
    result = _lint(json.dumps(BASE, indent=2), "base.asl.json")
    assert result.recognized


# -- --fix re-parse equality ---------------------------------------------------------------------
# A fixed text must parse, and differ from the original only where a fix that was kept points
# (checked here on whole files, apart from core.fixcheck's per-document comparison); hostile
# numbers and YAML anchors, aliases and block scalars around the fixed values are mixed in.

FIX_NUMBERS = ["5", "0.1", "-3", "1.5e3", "1e400", "9007199254740993", "12345678901234567890", "1.00000000000000000001", "7" * 5000]
AUTH_TEMPLATE = """apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/service-role/Deployer
      username: deployer
      groups:
        - jobs
"""


def _choice_states(doc, numbers):
    """Quoted numbers in NumericEquals of a Choice state added to the definition (ASL211 fixes)."""
    states = doc.setdefault("States", {}) if isinstance(doc.get("States", {}), dict) else None
    if states is None:
        return doc
    target = next(iter(states), None)
    choices = [{"Variable": f"$.v{i}", "NumericEquals": n, "Next": target} for i, n in enumerate(numbers)] if target else []
    if choices:
        states["FuzzChoice"] = {"Type": "Choice", "Choices": choices, "Default": target}
    return doc


def _differing_paths(a, b, prefix=""):
    from aslint.core.pointer import escape

    if type(a) is not type(b):
        yield prefix
    elif isinstance(a, dict):
        for k in a.keys() | b.keys():
            if k not in a or k not in b:
                yield prefix + "/" + escape(k)
            else:
                yield from _differing_paths(a[k], b[k], prefix + "/" + escape(k))
    elif isinstance(a, list):
        if len(a) != len(b):
            yield prefix
        else:
            for i, (x, y) in enumerate(zip(a, b)):
                yield from _differing_paths(x, y, f"{prefix}/{i}")
    elif a != b:
        yield prefix


def _check_fix(text, name):
    from aslint.core.fixcheck import checked_text
    from aslint.core.fixes import apply
    from aslint.core.loader import load

    result = lint_file(name, RULESET, explicit=True, data=text.encode("utf-8"), display=name, keep_text=True)
    fixable = [d for d in result.diagnostics if d.edits]
    new_text, refused = checked_text(name, text, result.diagnostics, apply)
    kept = [d for d in fixable if d not in {id(r): r for r, _ in refused}.values()]
    if new_text == text:
        return kept, refused
    before, after = load(name, text.encode()), load(name, new_text.encode())
    assert after.problem is None, after.problem.message
    assert len(before.documents) == len(after.documents)
    allowed = set()
    for d in kept:
        for key, fix in d.intents:
            allowed.add((key[0][2], fix.pointer if len(key) == 1 else key[1][0] if not key[1][1] else key[1][0] + fix.pointer))
    for old, new in zip(before.documents, after.documents):
        for path in _differing_paths(old.data, new.data):
            assert any(i == old.doc_index and (path == p or path.startswith(p + "/")) for i, p in allowed), (path, allowed)
    return kept, refused


@settings(**SETTINGS)
@given(st.data())
def test_fix_never_changes_more_than_it_says(data):
    doc = copy.deepcopy(BASE) if data.draw(st.booleans()) else _corpus_definition(data)
    numbers = data.draw(st.lists(st.sampled_from(FIX_NUMBERS), min_size=1, max_size=4))
    doc = _choice_states(doc, numbers)
    as_yaml = data.draw(st.booleans())
    if not as_yaml:
        kept, refused = _check_fix(json.dumps(doc, indent=data.draw(st.sampled_from([None, 1, 2]))), "fix.asl.json")
        assert not refused, refused  # plain JSON: every fix is sound, none may be refused
        for d in kept:
            (key, fix), = d.intents
            if isinstance(fix.value, (int, float)) and not isinstance(fix.value, bool):
                assert json.dumps(fix.value) != "Infinity" and len(str(fix.value)) < 30
        return
    import yaml

    text = yaml.safe_dump(doc, sort_keys=False, width=10_000)
    hostile = data.draw(st.sampled_from(["anchor", "alias", "block", "none"]))
    if hostile == "anchor":
        text = text.replace("NumericEquals: '", "NumericEquals: &n0 '", 1)
        text = text.replace("NumericEquals: '", "NumericEquals: *n0 #'", 1) if "*n0" not in text and text.count("NumericEquals: '") > 0 else text
    elif hostile == "alias":
        text = text.replace("NumericEquals: '", "NumericEquals: &n1 '", 1) + "Extra: *n1\n"
    elif hostile == "block":
        text = text.replace("  FuzzChoice:\n", "  FuzzChoice:\n    Comment: |\n      a block\n      of text\n", 1)
    _check_fix(text, "fix.asl.yaml")


@settings(**SETTINGS)
@given(st.sampled_from(["plain", "anchor", "alias", "block-before", "block-after", "flow"]))
def test_fix_in_yaml_manifests_is_exact(shape):
    text = AUTH_TEMPLATE
    if shape == "anchor":
        text = text.replace("mapRoles: |", "mapRoles: &roles |") + "extra: *roles\n"
    elif shape == "alias":
        text = "roles: &roles |\n" + AUTH_TEMPLATE.split("mapRoles: |\n", 1)[1] + text.replace(
            "mapRoles: |\n" + AUTH_TEMPLATE.split("mapRoles: |\n", 1)[1], "mapRoles: *roles\n")
    elif shape == "block-before":
        text = text.replace("data:\n", "note: >-\n  folded\n  text\ndata:\n")
    elif shape == "block-after":
        text = text + "  mapUsers: |\n    []\n"
    elif shape == "flow":
        text = text.replace("metadata:\n  name: aws-auth\n  namespace: kube-system\n", "metadata: {name: aws-auth, namespace: kube-system}\n")
    kept, refused = _check_fix(text, "aws-auth.yaml")
    if shape in ("plain", "block-before", "block-after", "flow"):
        assert kept and not refused
