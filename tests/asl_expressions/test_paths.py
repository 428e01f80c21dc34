"""aslint.asl.paths: the fast scanner, the Reference Path test and the jsonpath-ng fallback."""

import pytest

from aslint.asl.paths import check_path, is_reference_path, is_valid_path, variable_of

VALID_SINGLE = ["$", "$$", "$.a.b", "$['a b'][0]", '$["x"]', "$$.Execution.Id", "$$.Map.Item.Value",
                "$var", "$var.x[2]", "$.a-b", "$.données", "$.[0]", "$.a.[0].b", "$.${Sub}"]
VALID_MANY = ["$.a[*].b", "$.*", "$..a", "$.a[1:3]", "$.a[::2]", "$.a[0,1]", "$.a['x','y']",
              "$.a[?(@.price < 10)]", "$.pets[?(@.species == 'cat' && @.age<5)]", "$.a.length()"]
INVALID = [".guid", "..guid", "()", "$...", "$.", "$.a[", "$.a b", "$$23", "$.foo[bar]",
           " $.a", "$.a[?(@.x]", "lorem", "$-x", "$.a.foo()"]


@pytest.mark.parametrize("text", VALID_SINGLE)
def test_single_node_paths_are_reference_paths(text):
    assert is_valid_path(text)
    assert is_reference_path(text)


@pytest.mark.parametrize("text", VALID_MANY)
def test_multi_node_paths_are_valid_but_not_reference_paths(text):
    info = check_path(text)
    assert info.ok, info.problem
    assert not info.single
    assert info.problem  # names the construct


@pytest.mark.parametrize("text", INVALID)
def test_invalid_paths(text):
    info = check_path(text)
    assert not info.ok
    assert info.problem


def test_roots_and_variables():
    assert check_path("$$.Task.Token").root == "context"
    assert check_path("$.x").root == "input"
    assert variable_of("$order.id") == "order"
    assert variable_of("$.order") is None
    assert variable_of(42) is None
    assert not is_valid_path(None)


def test_union_with_bad_member_goes_to_error():
    assert not check_path("$.a[0,x]").ok
