"""aslint.asl.intrinsics: tokenizer and parser."""

import pytest

from aslint.asl.intrinsics import (Call, IntrinsicSyntaxError, Literal, PathArg, format_placeholders,
                                   looks_like_call, parse)


def test_parses_nested_calls_with_all_argument_kinds():
    call = parse("States.Format('it\\'s {} \\{x\\}', States.MathAdd($.a, -1.5), true, null, $$.Execution.Id)")
    assert call.name == "States.Format"
    template, inner, flag, none, ctx = call.args
    assert isinstance(template, Literal) and template.kind == "string"
    assert format_placeholders(template.value) == 1
    assert isinstance(inner, Call) and inner.name == "States.MathAdd"
    assert isinstance(inner.args[0], PathArg) and inner.args[0].text == "$.a"
    assert inner.args[1].value == -1.5
    assert flag.value is True and none.kind == "null"
    assert ctx.text == "$$.Execution.Id"
    assert call.depth == 2


def test_path_argument_with_brackets_and_commas():
    call = parse("States.ArrayGetItem($.a['x,y'][0], 1)")
    assert call.args[0].text == "$.a['x,y'][0]"


def test_no_arguments():
    assert parse("States.UUID()").args == []


@pytest.mark.parametrize("text,fragment", [
    ("States.UUID(", "not closed"),
    ("States.Format('abc)", "not closed"),
    ('States.Format("x")', "single quotes"),
    ("States.Array(1,,2)", "missing"),
    ("States.Array(1) x", "after the call"),
    ("States.Format('it's {}', $.a)", "expected ',' or ')'"),
    ("States.Array(@)", "cannot start an argument"),
])
def test_syntax_errors(text, fragment):
    with pytest.raises(IntrinsicSyntaxError) as err:
        parse(text)
    assert fragment in err.value.message


def test_the_four_escapes_and_leading_blank_are_parsed():
    # AWS: ' { } and \ are reserved in intrinsic string literals and escaped with a backslash
    assert parse("States.Format('a\\{\\} \\'q\\' \\\\')").args[0].value == "a\\{\\} \\'q\\' \\\\"
    assert parse("  States.UUID()").name == "States.UUID"


@pytest.mark.parametrize("text", ["States.Format('a\\nb')", "States.Format('C:\\path')", "States.Format('\\\"')"])
def test_any_other_escape_is_rejected(text):
    with pytest.raises(IntrinsicSyntaxError) as err:
        parse(text)
    assert "is not an escape" in err.value.message


def test_depth_counts_nesting():
    text = "States.Array(" * 12 + ")" * 12
    assert parse(text).depth == 12


def test_looks_like_call():
    assert looks_like_call("States.Format('x')")
    assert looks_like_call(" States.Array()")
    assert not looks_like_call("$.x")
    assert not looks_like_call(5)
