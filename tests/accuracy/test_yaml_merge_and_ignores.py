"""YAML 1.1 merge keys are applied; ``# aslint: ignore[CODE]`` comments silence findings in YAML files."""

from aslint.api import lint_text

MERGED = """\
StartAt: A
States:
  A:
    <<: &task
      Type: Task
      Resource: arn:aws:states:::lambda:invoke
      Parameters: {FunctionName: f}
    Next: B
  B:
    <<: *task
    End: true
"""


def _codes(text, name="m.asl.yaml", select=None):
    return [(d.code, d.line) for d in lint_text(text, name, select=select)]


def test_merge_key_fields_are_part_of_the_state():
    # before: the merged fields were dropped and state B had "no Type" (ASL100 error)
    assert _codes(MERGED) == []


def test_own_keys_win_over_merged_ones_and_earlier_sources_over_later():
    text = MERGED.replace("    <<: *task\n    End: true\n",
                          "    <<: [{Comment: merged, Resource: arn:aws:states:::sns:publish}, *task]\n    End: true\n    Comment: own\n")
    from aslint.core.yamlparse import load_all

    b = load_all(text)[0].data["States"]["B"]
    assert b["Comment"] == "own" and b["Resource"] == "arn:aws:states:::sns:publish" and b["Type"] == "Task"


def test_broken_state_still_reported_with_merge():
    text = MERGED.replace("    End: true\n", "")
    assert ("ASL202", 9) in _codes(text)


BAD = """\
StartAt: A
States:
  A:
    Type: Pass
    Nxet: B
  B: {Type: Succeed}
"""


def test_trailing_comment_silences_that_line():
    assert ("ASL101", 5) in _codes(BAD)
    silenced = BAD.replace("Nxet: B\n", "Nxet: B  # aslint: ignore[ASL101]\n")
    assert not [c for c in _codes(silenced) if c[0] == "ASL101"]


def test_comment_above_a_block_silences_the_block_only_for_its_codes():
    silenced = BAD.replace("  A:\n", "  # aslint: ignore[ASL1]\n  A:\n")
    codes = _codes(silenced)
    assert not [c for c in codes if c[0] == "ASL101"]
    other = BAD.replace("  A:\n", "  # aslint: ignore[LCY001]\n  A:\n")
    assert [c for c in _codes(other) if c[0] == "ASL101"]


def test_comment_does_not_reach_past_its_block():
    text = "StartAt: A\nStates:\n  # aslint: ignore\n  A: {Type: Pass, Next: B}\n  B:\n    Type: Pass\n    Nxet: C\n  C: {Type: Succeed}\n"
    assert [c for c in _codes(text) if c[0] == "ASL101"]


def test_aws_auth_finding_silenced_by_a_yaml_comment():
    from tests.auth.helpers import AWS_AUTH_GOOD

    auth = AWS_AUTH_GOOD.replace("role/StepFunctionsEksRole", "role/service-role/StepFunctionsEksRole")
    assert [c for c in _codes(auth, "aws-auth.yaml") if c[0] == "AUTH001"]
    silenced = auth.replace("  mapRoles: |\n", "  # aslint: ignore[AUTH001]\n  mapRoles: |\n")
    assert not [c for c in _codes(silenced, "aws-auth.yaml") if c[0] == "AUTH001"]
