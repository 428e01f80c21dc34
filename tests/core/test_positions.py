"""Exact positions for JSON and YAML, from the lazily built span table."""

import json

import pytest

from aslint.core import jsonparse, yamlparse
from aslint.core.document import Document
from aslint.core.loader import parse


def _doc(text, name="x.json"):
    docs, problem = parse(name, text)
    assert problem is None, problem
    return docs[0]


def test_json_key_and_value_positions():
    text = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true}\n  }\n}\n'
    doc = _doc(text)
    assert doc.locate("/States/A/Type", "key") == (4, 11, 4, 17)
    assert doc.locate("/States/A/Type") == (4, 19, 4, 25)
    assert doc.locate("/StartAt") == (2, 14, 2, 17)


def test_missing_node_falls_back_to_nearest_ancestor_key():
    doc = _doc('{"States": {"A": {"Type": "Pass"}}}')
    assert doc.locate("/States/A/Next") == doc.locate("/States/A", "key")


def test_columns_count_code_points_and_escapes():
    text = '{"a\\u00e9": "\u00e9\u00e9", "b/c": [1, 2]}'
    doc = _doc(text)
    assert doc.data == {"a\u00e9": "\u00e9\u00e9", "b/c": [1, 2]}
    line, col, _, _ = doc.locate("/b~1c/1")
    assert text[col - 1] == "2"


def test_json_numbers_are_numbers_and_surrogates_parse():
    doc = _doc('{"n": 1e5, "s": "\\ud83d\\ude00"}')
    assert doc.data == {"n": 100000.0, "s": "\U0001F600"}


def test_json_duplicate_keys_are_recorded_with_both_positions():
    data, dup = jsonparse.loads('{"a": 1, "a": 2}')
    assert dup and data == {"a": 2}
    spans, duplicates = jsonparse.index('{"a": 1, "a": 2}')
    (pointer, repeat, first), = duplicates
    assert pointer == "/a" and repeat.key == (9, 12) and first.key == (1, 4)


@pytest.mark.parametrize("bad, line, col", [
    ('{"a": 1,}', 1, 9),
    ('{\n  "a": [1, 2\n}', 3, 1),
    ('{"a": NaN}', 1, 7),
])
def test_json_syntax_errors_have_positions(bad, line, col):
    _, problem = parse("x.json", bad)
    assert problem.code == "ASL001"
    from aslint.core.positions import LineIndex

    assert LineIndex(bad).line_col(problem.offset) == (line, col)


def test_yaml_positions_and_cfn_tags():
    text = "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      RoleArn: !GetAtt Role.Arn\n      Name: !Sub '${AWS::StackName}-m'\n"
    doc = _doc(text, "t.yaml")
    props = doc.data["Resources"]["M"]["Properties"]
    assert props["RoleArn"] == {"Fn::GetAtt": ["Role", "Arn"]}
    assert props["Name"] == {"Fn::Sub": "${AWS::StackName}-m"}
    assert doc.locate("/Resources/M/Properties/Name", "key") == (6, 7, 6, 11)


def test_yaml_duplicates_and_last_value_wins():
    docs, _ = parse("x.yaml", "a: 1\na: 2\n")
    assert docs[0].data == {"a": 2}
    assert [d[0] for d in docs[0].duplicates] == ["/a"]


def test_yaml_multi_document():
    docs, _ = parse("x.yaml", "a: 1\n---\nb: 2\n")
    assert [d.data for d in docs] == [{"a": 1}, {"b": 2}]
    assert docs[1].locate("/b", "key") == (3, 1, 3, 2)


def test_yaml_alias_bomb_is_refused():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    _, problem = parse("bomb.yaml", "\n".join(lines) + "\n")
    assert problem is not None and "alias" in problem.message


def test_deep_nesting_does_not_raise():
    for name, text in (("deep.json", "[" * 10000 + "]" * 10000), ("deep.yaml", "[" * 10000 + "]" * 10000)):
        _, problem = parse(name, text)
        assert problem is not None and problem.code == "ASL001"


def test_spans_are_not_built_for_clean_files():
    doc = _doc('{"StartAt": "A", "States": {}}')
    assert doc._spans is None  # nothing located, nothing scanned


def test_lazy_spans_agree_with_the_full_index():
    import random

    from aslint.core.jsonparse import LazySpans, index

    text = json.dumps({"StartAt": "A", "States": {f"S{i}": {"Type": "Pass", "Parameters": {"a/b": [1, {"c~d": "\u00e9\\n"}]},
                                                          "Next": f"S{i + 1}"} for i in range(50)}}, indent=1)
    full, _ = index(text)
    keys = list(full)
    random.Random(7).shuffle(keys)
    lazy = LazySpans(text)
    for key in keys:
        assert lazy.get(key) == full[key]
    assert lazy.get("/States/S1/Nope") is None and "/States/S99" not in lazy


def _line_col_by_table(text, offset):
    import bisect

    from aslint.core.positions import _line_starts

    starts = _line_starts(text)
    offset = max(0, min(offset, len(text)))
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 12289])
def test_line_numbers_by_blocks_agree_with_the_table_of_line_starts(size):
    import random

    from aslint.core.positions import LineIndex

    rng = random.Random(size)
    for text in ("".join(rng.choice("ab\u00e9\n ") for _ in range(size)), "x" * size, "\n" * size,
                 "a\r\nb\rc\n" * (size // 7 + 1)):
        index = LineIndex(text)
        for offset in [rng.randrange(-2, len(text) + 3) for _ in range(60)] + [0, len(text), 4096, 8192, len(text) - 1]:
            assert index.line_col(offset) == _line_col_by_table(text, offset), (repr(text[:20]), offset)


@pytest.mark.parametrize("text, fragment, may", [
    ('{"a": "{% x %}"}', "{%", True),
    ('{"a": "x"}', "{%", False),
    ('{"a": "\\u007b% x %}"}', "{%", True),  # an escape can write it: the walk decides
    ('{"a": "x\\n"}', "{%", False),  # other escapes cannot
    ('{"a": "x\\/"}', "x/", True),
])
def test_may_hold_says_no_only_when_no_string_can_hold_the_fragment(text, fragment, may):
    doc = _doc(text)
    assert doc.may_hold(fragment) is may
    assert any(fragment in s for s in _strings(doc.data)) <= may


def test_may_hold_does_not_judge_yaml_or_rewritten_data():
    assert _doc("a: x\n", "x.yaml").may_hold("{%")
    doc = _doc('{"a": "x"}')
    doc.data = {"a": "{% 1 %}"}  # e.g. a template's substitutions: the text no longer says it all
    assert doc.may_hold("{%")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _tricky_document(rng, depth=0):
    """Objects whose keys recur at other depths, as string values and inside strings."""
    names = ["A", "Next", "States", "a/b", "t~x", "\u00e9", 'q"uote', "back\\slash", ",", ":x", " lead", "Z"]
    if depth > 3 or rng.random() < 0.25:
        return rng.choice([1, -2.5e3, True, None, "A", '"A": 1', "{\"Z\": [", "x,\"Z\":", rng.choice(names)])
    if rng.random() < 0.3:
        return [_tricky_document(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = rng.sample(names, rng.randrange(0, 6))
    return {k: _tricky_document(rng, depth + 1) for k in keys}


def _pointers(value, at=""):
    yield at
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _pointers(v, at + "/" + k.replace("~", "~0").replace("/", "~1"))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _pointers(v, f"{at}/{i}")


@pytest.mark.parametrize("seed", range(40))
def test_lazy_spans_with_the_data_agree_with_the_full_index(seed):
    import random

    from aslint.core.jsonparse import LazySpans, index

    rng = random.Random(seed)
    # a few states (opened from the start) or many (the last one found from the end)
    data = {"Comment": "x", "States": {f"S{i}": _tricky_document(rng) for i in range(rng.choice([1, 5, 20, 30]))}}
    if rng.random() < 0.5:
        data["States"]["A"] = {"States": {"A": _tricky_document(rng)}, "Next": "A"}
    indent = rng.choice([None, 0, 1, 2, "\t"])
    text = json.dumps(data, indent=indent, ensure_ascii=rng.random() < 0.5) + rng.choice(["", "\n", "  \n"])
    full, _ = index(text)
    asked = list(_pointers(data)) + ["/States/nope", "/States/S0/Z/9", "/Comment/x", "/States/01", "/States/~2"]
    for _round in range(3):
        rng.shuffle(asked)
        lazy = LazySpans(text, json.loads(text))
        for pointer in asked:
            assert lazy.get(pointer) == full.get(pointer), (pointer, text)
