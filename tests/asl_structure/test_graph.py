"""ASL200-ASL205: StartAt, transition targets, Next/End, reachability, escape, Choice Default."""

from __future__ import annotations

from tests.asl_structure.helpers import found, machine


def _parallel(branch_states, branch_start, **extra):
    return {"Type": "Parallel", "Branches": [{"StartAt": branch_start, "States": branch_states}], **extra}


def test_asl200_start_at_unknown():
    diags = found(machine({"Hello": {"Type": "Succeed"}}, start="hello"), "ASL200")
    assert len(diags) == 1 and "did you mean 'Hello'" in diags[0].message and diags[0].pointer == "/StartAt"
    assert not found(machine({"Hello": {"Type": "Succeed"}}), "ASL200")


def test_asl200_branch_starting_at_outer_state():
    defn = machine({"P": _parallel({"In": {"Type": "Succeed"}}, "Out", Next="Out"), "Out": {"Type": "Succeed"}})
    diags = found(defn, "ASL200")
    assert len(diags) == 1 and "names a state of the top-level machine" in diags[0].message
    assert diags[0].pointer == "/States/P/Branches/0/StartAt"


def test_asl201_missing_target_did_you_mean():
    defn = machine({"A": {"Type": "Pass", "Next": "Dnoe"}, "Done": {"Type": "Succeed"}})
    diags = found(defn, "ASL201")
    assert len(diags) == 1 and "did you mean 'Done'" in diags[0].message and diags[0].pointer == "/States/A/Next"


def test_asl201_choice_default_and_catch_targets():
    choice = {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": True, "Next": "Nope"}], "Default": "Gone"}
    task = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {}, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Lost"}], "Next": "C"}
    diags = found(machine({"T": task, "C": choice}), "ASL201")
    assert {d.pointer for d in diags} == {"/States/C/Choices/0/Next", "/States/C/Default", "/States/T/Catch/0/Next"}


def test_asl201_crossing_a_branch_boundary():
    defn = machine({"P": _parallel({"In": {"Type": "Pass", "Next": "Out"}}, "In", Next="Out"), "Out": {"Type": "Succeed"}})
    diags = found(defn, "ASL201")
    assert len(diags) == 1
    assert "cannot cross into or out of" in diags[0].hint and diags[0].pointer == "/States/P/Branches/0/States/In/Next"


def test_asl201_valid_targets_pass():
    defn = machine({"P": _parallel({"In": {"Type": "Pass", "End": True}}, "In", Next="Out"), "Out": {"Type": "Succeed"}})
    assert not found(defn, "ASL201")


def test_asl202_next_and_end():
    assert "neither" in found(machine({"A": {"Type": "Pass"}}), "ASL202")[0].message
    both = found(machine({"A": {"Type": "Pass", "Next": "B", "End": True}, "B": {"Type": "Succeed"}}), "ASL202")
    assert len(both) == 1 and both[0].pointer == "/States/A/End"
    false = found(machine({"A": {"Type": "Pass", "End": False}}), "ASL202")
    assert len(false) == 1 and "False" in false[0].message
    typo = found(machine({"A": {"Type": "Pass", "next": "B"}, "B": {"Type": "Succeed"}}), "ASL202")
    assert "'next' looks like a misspelt one" in typo[0].message
    assert not found(machine({"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}), "ASL202")


def test_asl203_unreachable():
    defn = machine({"A": {"Type": "Pass", "Next": "C"}, "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Succeed"}})
    diags = found(defn, "ASL203")
    assert [d.pointer for d in diags] == ["/States/B"]
    # catch targets and choice defaults make states reachable
    reach = machine({"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}], "End": True},
                     "F": {"Type": "Fail"}})
    assert not found(reach, "ASL203")


def test_asl203_quiet_when_start_is_broken():
    assert not found(machine({"A": {"Type": "Succeed"}}, start="Nope"), "ASL203")


def test_asl204_inescapable_loop():
    loop = machine({"Poll": {"Type": "Wait", "Seconds": 1, "Next": "Check"}, "Check": {"Type": "Pass", "Next": "Poll"}})
    diags = found(loop, "ASL204")
    assert len(diags) == 1 and "'Poll', 'Check'" in diags[0].message
    exit_ = machine({"Poll": {"Type": "Wait", "Seconds": 1, "Next": "Check"},
                     "Check": {"Type": "Choice", "Choices": [{"Variable": "$.done", "BooleanEquals": True, "Next": "End"}], "Default": "Poll"},
                     "End": {"Type": "Succeed"}})
    assert not found(exit_, "ASL204")


def test_asl204_loop_inside_a_branch():
    inner = {"X": {"Type": "Pass", "Next": "Y"}, "Y": {"Type": "Pass", "Next": "X"}}
    defn = machine({"P": _parallel(inner, "X", End=True)})
    diags = found(defn, "ASL204")
    assert len(diags) == 1 and "a branch of Parallel state 'P'" in diags[0].message


def test_asl204_linear_on_a_long_chain():
    states = {f"S{i}": {"Type": "Pass", "Next": f"S{i + 1}"} for i in range(3000)}
    states["S3000"] = {"Type": "Succeed"}
    assert not found(machine(states, start="S0"), "ASL204")


def test_asl205_choice_without_default():
    choice = {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": True, "Next": "B"}]}
    diags = found(machine({"A": choice, "B": {"Type": "Succeed"}}), "ASL205")
    assert len(diags) == 1 and diags[0].severity == "warning" and "States.NoChoiceMatched" in diags[0].message
    choice["Default"] = "B"
    assert not found(machine({"A": choice, "B": {"Type": "Succeed"}}), "ASL205")


def test_asl206_duplicate_name_across_machines():
    defn = machine({"P": _parallel({"Done": {"Type": "Succeed"}}, "Done", Next="Done"), "Done": {"Type": "Succeed"}})
    diags = found(defn, "ASL206")
    assert len(diags) == 1 and "unique across the whole definition" in diags[0].hint
    assert diags[0].pointer == "/States/P/Branches/0/States/Done" and diags[0].related
    renamed = machine({"P": _parallel({"Inner": {"Type": "Succeed"}}, "Inner", Next="Done"), "Done": {"Type": "Succeed"}})
    assert not found(renamed, "ASL206")


def test_asl204_trap_beside_a_terminal_is_a_warning():
    defn = machine({"Start": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": True, "Next": "Loop"}], "Default": "Done"},
                    "Loop": {"Type": "Pass", "Next": "Again"}, "Again": {"Type": "Pass", "Next": "Loop"}, "Done": {"Type": "Succeed"}})
    diags = found(defn, "ASL204")
    assert len(diags) == 1 and diags[0].severity == "warning" and diags[0].pointer == "/States/Loop"
