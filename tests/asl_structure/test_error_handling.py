"""ASL220-ASL223: Retry and Catch."""

from __future__ import annotations

from tests.asl_structure.helpers import found, machine, task


def _with(retry=None, catch=None):
    fields = {}
    if retry is not None:
        fields["Retry"] = retry
    if catch is not None:
        fields["Catch"] = catch
    return machine({"A": task(**fields), "F": {"Type": "Fail"}}, start="A")


def test_asl220_error_equals_contents():
    assert "is empty" in found(_with(retry=[{"ErrorEquals": []}]), "ASL220")[0].message
    diags = found(_with(catch=[{"ErrorEquals": ["States.Timeout", 5, ""], "Next": "F"}]), "ASL220")
    assert [d.pointer for d in diags] == ["/States/A/Catch/0/ErrorEquals/1", "/States/A/Catch/0/ErrorEquals/2"]
    assert not found(_with(retry=[{"ErrorEquals": ["Lambda.ServiceException", "States.Timeout"]}]), "ASL220")


def test_asl221_states_all_alone_and_last():
    not_alone = found(_with(retry=[{"ErrorEquals": ["States.ALL", "States.Timeout"]}]), "ASL221")
    assert len(not_alone) == 1 and "not alone" in not_alone[0].message
    not_last = found(_with(catch=[{"ErrorEquals": ["States.ALL"], "Next": "F"}, {"ErrorEquals": ["X"], "Next": "F"}]), "ASL221")
    assert len(not_last) == 1 and "not the last" in not_last[0].message and not_last[0].pointer == "/States/A/Catch/0/ErrorEquals/0"
    assert not found(_with(catch=[{"ErrorEquals": ["X"], "Next": "F"}, {"ErrorEquals": ["States.ALL"], "Next": "F"}]), "ASL221")


def test_asl222_unknown_states_error():
    diags = found(_with(retry=[{"ErrorEquals": ["States.TaskFailedId"]}]), "ASL222")
    assert len(diags) == 1 and "did you mean 'States.TaskFailed'" in diags[0].message and diags[0].severity == "warning"
    assert not found(_with(retry=[{"ErrorEquals": ["States.HeartbeatTimeout", "States.Http.Socket", "MyError"]}]), "ASL222")


def test_asl222_name_raised_by_a_fail_state_is_not_reported():
    defn = _with(catch=[{"ErrorEquals": ["States.Custom"], "Next": "F"}])
    defn["States"]["F"]["Error"] = "States.Custom"
    assert not found(defn, "ASL222")


def test_asl223_shadowed_handlers():
    by_task_failed = found(_with(retry=[{"ErrorEquals": ["States.TaskFailed"]}, {"ErrorEquals": ["Lambda.Unknown"]}]), "ASL223")
    assert len(by_task_failed) == 1 and by_task_failed[0].pointer == "/States/A/Retry/1" and "States.TaskFailed" in by_task_failed[0].message
    duplicate = found(_with(catch=[{"ErrorEquals": ["A", "B"], "Next": "F"}, {"ErrorEquals": ["B"], "Next": "F"}]), "ASL223")
    assert len(duplicate) == 1
    # States.Timeout is not matched by States.TaskFailed; States.Runtime not by States.ALL
    assert not found(_with(retry=[{"ErrorEquals": ["States.TaskFailed"]}, {"ErrorEquals": ["States.Timeout"]}]), "ASL223")
    assert not found(_with(catch=[{"ErrorEquals": ["States.ALL"], "Next": "F"}, {"ErrorEquals": ["States.Runtime"], "Next": "F"}]), "ASL223")
    assert found(_with(catch=[{"ErrorEquals": ["States.ALL"], "Next": "F"}, {"ErrorEquals": ["X"], "Next": "F"}]), "ASL223")
