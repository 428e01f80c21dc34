"""follower_counts (one pass over the components) equals a walk from each state's successors."""

from hypothesis import given, settings, strategies as st

from aslint.asl.model import build
from aslint.eks.flow import follower_counts, successors


class _Doc:
    def __init__(self, data):
        self.data = data
        self.cache = {}


def _walk(ref) -> int:
    machine = ref.machine
    seen, todo = set(), list(successors(ref))
    while todo:
        name = todo.pop()
        if name in seen or name not in machine.states:
            continue
        seen.add(name)
        todo.extend(successors(machine.states[name]))
    return len(seen)


def _machine(n, edges):
    """n states S0..S(n-1); each edge (i, j, how) adds a Next, a Choice rule or a Catch."""
    states = {f"S{i}": {"Type": "Pass", "End": True} for i in range(n)}
    for i, j, how in edges:
        i, j = i % n, j % n
        st_ = states[f"S{i}"]
        if how == 0 and "Choices" not in st_:
            st_.pop("End", None)
            st_["Next"] = f"S{j}"
        elif how == 1:
            st_.pop("End", None)
            st_.pop("Next", None)
            st_["Type"] = "Choice"
            st_.setdefault("Choices", []).append({"Variable": "$.x", "IsPresent": True, "Next": f"S{j}"})
            st_["Default"] = f"S{(j + 1) % n}"
        elif st_["Type"] != "Choice":
            st_.setdefault("Catch", []).append({"ErrorEquals": ["States.ALL"], "Next": f"S{j}"})
    states["S0"].setdefault("Catch", []).append({"ErrorEquals": ["States.ALL"], "Next": "Missing"})
    return {"StartAt": "S0", "States": states}


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12), st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50), st.integers(0, 2)), max_size=30))
def test_follower_counts_equal_a_walk_per_state(n, edges):
    data = _machine(n, edges)
    doc = _Doc(data)
    machine = build(data).machines[0]
    counts = follower_counts(doc, machine)
    assert counts == {name: _walk(ref) for name, ref in machine.states.items()}


def test_a_chain_and_a_loop():
    data = _machine(4, [(0, 1, 0), (1, 2, 0), (2, 1, 1)])  # S0 -> S1 -> S2 -> Choice(S1 | S2 default)
    machine = build(data).machines[0]
    counts = follower_counts(_Doc(data), machine)
    assert counts["S0"] == 2 and counts["S1"] == 2 and counts["S2"] == 2 and counts["S3"] == 0
