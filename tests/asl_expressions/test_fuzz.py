"""The expression helpers never raise on arbitrary text (they report problems instead)."""

from hypothesis import given, settings, strategies as st

from aslint.asl import intrinsics, jsonata, paths

ALPHABET = st.sampled_from(list("$.[]()'\"{}%,:?@*- abcS0123\\|&=<>!;/`\n") + ["States.", "{%", "%}", "$$", "$states."])
TEXT = st.lists(ALPHABET, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_check_path_total(text):
    info = paths.check_path(text)
    assert info.ok or info.problem


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_intrinsic_parse_total(text):
    try:
        call = intrinsics.parse("States.Format(" + text)
    except intrinsics.IntrinsicSyntaxError as err:
        assert err.message
    else:
        assert call.name


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_jsonata_total(text):
    value = "{% " + text + " %}"
    assert isinstance(jsonata.problems(value), tuple)
    assert isinstance(jsonata.references(value), tuple)
