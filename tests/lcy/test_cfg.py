"""The lifecycle CFG's pieces: error-class matching, what an edge overwrites, resource names."""

import json

import pytest

from aslint.core.document import Document
from aslint.lcy.cfg import ALL, EXIT_ERROR, EXIT_SUCCESS, Writes, _match, build
from aslint.lcy.resources import Key, _expr_key, path_segments


@pytest.mark.parametrize("names,cls,expected", [
    (["States.ALL"], "other", "full"),
    (["States.ALL"], "timeout", "full"),
    (["States.TaskFailed"], "other", "full"),
    (["States.TaskFailed"], "timeout", ""),
    (["States.Timeout"], "timeout", "full"),
    (["States.Timeout"], "other", ""),
    (["EKS.ResourceInUseException"], "other", "partial"),
    ("States.ALL", "other", ""),
])
def test_catcher_matching(names, cls, expected):
    assert _match(names, cls) == expected


def test_path_segments():
    assert path_segments("$.a.b[0]") == ("a", "b", "0")
    assert path_segments("$['a b'].c") == ("a b", "c")
    assert path_segments("$") == ()
    assert path_segments("$..a") is None
    assert path_segments("a.b") is None


def test_writes_touch_overlapping_paths_only():
    key = _expr_key("$.cluster.name", "", False)
    assert key.inputs == (("cluster", "name"),) and key.frame == ""
    assert Writes("", (("cluster",),)).touches(key)
    assert Writes("", (("cluster", "name", "x"),)).touches(key)
    assert not Writes("", (("eks",),)).touches(key)
    assert Writes("", ALL).touches(key)
    assert not Writes("/States/M/ItemProcessor", ALL).touches(key), "another machine's input"
    assert not Writes("", ALL).touches(Key("lit:c1"))
    assert not Writes("", ALL).touches(_expr_key("$$.Execution.Input.name", "", False))
    assert Writes("", (), frozenset({"v"})).touches(_expr_key("$v", "", False))
    assert Writes("", (), frozenset({"v"})).touches(_expr_key("{% $v & '-x' %}", "", True))


def _graph(data):
    return build(Document("g.asl.json", json.dumps(data), "json", data))


def test_task_without_catch_has_an_uncaught_error_edge_and_timeout_only_with_a_timeout():
    g = _graph({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                                 "End": True}}})
    kinds = sorted((e.kind, e.dst, e.cls) for e in g.edges)
    assert kinds == [("error", EXIT_ERROR, "other"), ("normal", EXIT_SUCCESS, "")]
    g = _graph({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                                 "TimeoutSeconds": 5, "End": True}}})
    assert {e.cls for e in g.edges if e.kind == "error"} == {"other", "timeout"}


def test_map_may_run_no_iteration_and_parallel_failure_cancels_other_branches():
    task = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": True}
    g = _graph({"StartAt": "M", "States": {"M": {"Type": "Map", "End": True,
                                                 "ItemProcessor": {"StartAt": "T", "States": {"T": task}}}}})
    assert any(e.kind == "pass" for e in g.edges)
    g = _graph({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": True, "Branches": [
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": True}}}]}}})
    assert not any(e.kind == "cancel" and g.kinds[e.dst] == "err" for e in g.edges), "nothing can fail"
    g = _graph({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": True, "Branches": [
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": True}}},
        {"StartAt": "T", "States": {"T": task}}]}}})
    assert any(e.kind == "cancel" and g.kinds[e.dst] == "err" for e in g.edges)
