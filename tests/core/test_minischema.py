"""aslint's small JSON Schema validator agrees with jsonschema on every bundled schema."""

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from aslint.core import minischema
ROOT = Path(__file__).resolve().parents[2] / "schemas"
SCHEMAS = sorted(p for p in ROOT.rglob("*.json") if minischema.supported(json.loads(p.read_text())))


def _defs(schema):
    return [(name, sub) for name, sub in (schema.get("$defs") or {}).items()]


def _pairs():
    for path in SCHEMAS:
        schema = json.loads(path.read_text())
        yield path.name, schema, schema
        for name, sub in _defs(schema):
            yield f"{path.name}#{name}", sub, schema


PAIRS = list(_pairs())
values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**9) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)
    | st.sampled_from(["Task", "Pass", "STANDARD", "INLINE", "GET", "arn:aws:iam::1:role/x", "$.a", "JSONata", "FULL"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["Type", "Next", "End", "Resource", "Name", "RoleArn", "ClusterName", "Method", "Path", "Seconds",
                         "MaxAttempts", "ErrorEquals", "ItemProcessor", "Mode", "x"]), children, max_size=5),
    max_leaves=25)


def _signature(errors):
    return sorted((e.validator, tuple(e.absolute_path)) for e in errors)


def _reference(schema, root):
    resolver_root = dict(schema)
    if schema is not root:
        resolver_root = {**schema, "$defs": root.get("$defs", {})}
    return jsonschema.Draft202012Validator(resolver_root)


def _top_level(errors):
    # jsonschema reports each failing anyOf/oneOf once with its context; so do we
    return _signature(errors)


@pytest.mark.parametrize("name, schema, root", PAIRS, ids=[p[0] for p in PAIRS])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(instance=values)
def test_same_errors_as_jsonschema(name, schema, root, instance):
    ours = minischema.Validator(schema, root)
    theirs = _reference(schema, root)
    mine = _top_level(ours.iter_errors(instance))
    ref = _signature(theirs.iter_errors(instance))
    # jsonschema goes on checking an instance after a type error; we stop there (one finding per
    # mistake). Everywhere else both must report the same (keyword, place) pairs.
    stopped = {m[1] for m in mine if m[0] == "type"}

    def covered(entry):
        return any(entry[1][:len(t)] == t for t in stopped)

    assert {m for m in mine if not covered(m)} == {r for r in ref if not covered(r)}
    assert all(("type", t) in ref for t in stopped)


def test_required_message_matches_jsonschema():
    schema = {"type": "object", "required": ["Name"]}
    (ours,) = minischema.Validator(schema).iter_errors({})
    (theirs,) = jsonschema.Draft202012Validator(schema).iter_errors({})
    assert ours.message == theirs.message


@pytest.mark.parametrize("name, schema, root", PAIRS, ids=[p[0] for p in PAIRS])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(instance=values)
def test_compiled_test_accepts_exactly_what_the_walk_accepts(name, schema, root, instance):
    ours = minischema.Validator(schema, root)
    compiled = minischema.compile_check(schema, ours._resolve, {})
    assert compiled(instance) == (not list(ours._walk(instance, schema, ())))


@pytest.mark.parametrize("schema, good, bad", [
    ({"type": "integer", "minimum": 1}, [1, 2.0], [0, 1.5, True, "1"]),
    ({"enum": ["A", 1]}, ["A", 1, 1.0], [True, "a", None]),
    ({"enum": ["A", "B"]}, ["A"], ["C", 1, ["A"]]),
    ({"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": False, "required": ["a"]},
     [{"a": "x"}], [{}, {"a": 1}, {"a": "x", "b": 1}, []]),
    ({"anyOf": [{"type": "string"}, {"type": "null"}]}, ["x", None], [1]),
    ({"oneOf": [{"minimum": 1}, {"maximum": 5}]}, [0, 6], [3]),
    ({"not": {"type": "string"}, "if": {"type": "integer"}, "then": {"maximum": 3}}, [2, None], ["x", 4]),
    ({"items": {"type": "string", "pattern": "^a", "maxLength": 2}, "minItems": 1}, [["a", "ab"]], [[], ["b"], ["abc"], [1]]),
    ({"$defs": {"n": {"type": "object", "properties": {"n": {"$ref": "#/$defs/n"}}}}, "$ref": "#/$defs/n"},
     [{"n": {"n": {}}}], [{"n": {"n": 1}}]),
])
def test_compiled_test_keywords(schema, good, bad):
    validator = minischema.Validator(schema)
    for instance in good:
        assert validator.is_valid(instance) and not list(validator._walk(instance, schema, ())), instance
    for instance in bad:
        assert not validator.is_valid(instance) and list(validator._walk(instance, schema, ())), instance


def test_a_schema_the_compiler_cannot_read_is_left_to_the_walk():
    validator = minischema.Validator({"type": "nosuchtype"})
    with pytest.raises(KeyError):
        list(validator.iter_errors(1))  # as before the compiled tests: the walk raises
