"""aslint.asl.jsonata: surround syntax, tokenizer-level well-formedness and references."""

import pytest

from aslint.asl.jsonata import problems, references

GOOD = [
    "{% 10 %}", "{%10%}", "{% $states.input.a * 2 %}", "{% foo.* %}", "{% [1..5] %}",
    "{% ($a := 1; $a) %}", '{% {"a": 1, "b": [1,2]} %}', "{% -1 %}", "{% a.%.b %}",
    "{% $contains($x, /ab\\/c/i) %}", "{% $count($states.input.items[type='x']) > 0 %}",
    "{% $not(null in $each($states.input.d, function($v) { $length($trim($v)) > 0 ? $v : null })) %}",
    '{% "a" & "b" %}', "{% $states.input.orders^(>price, <name) %}", "{% $substring(?, 0, 5) %}",
    "{% $exists($states.input.x) ? 'a' : 'b' %}", "{% $states.input.list[$.active = true][-1] %}",
    "{% Account.Order{OrderID: Product} %}", "{% $$.a %}", "{% /* note */ $uuid() %}", "{% $states.input ~> | a | {'x': 1} | %}",
]
BAD = {
    "{% 10 %": "end with '%}'", "10 %}": "start with '{%'", "{%  %}": "empty",
    "{% 10 + * 2 %}": "no operator", "{% 420. %}": "ends with the operator",
    "{% $sum($states.input.items %}": "not closed", "{% (1] %}": "closed by",
    "{% $.store.book[?(@.price < 10)] %}": "JSONPath filter", "{% $..a %}": "recursive descent",
    "{% 'abc %}": "not closed", "{% a = = b %}": "two operators", "{% ) %}": "no matching",
    " {% 1 %}": "whitespace before", "{% 1 %} ": "whitespace after", "{% a ! b %}": "'!'",
}


@pytest.mark.parametrize("text", GOOD)
def test_well_formed(text):
    assert problems(text) == ()


@pytest.mark.parametrize("text,fragment", sorted(BAD.items()))
def test_malformed(text, fragment):
    found = problems(text)
    assert found and fragment in found[0], found


def test_references_skip_bindings_builtins_and_lambdas():
    refs = references("{% ($n := $count($items); $map($list, function($v) { $v + $n + $offset })) %}")
    assert sorted(name for name, _m, _o in refs) == ["items", "list", "offset"]


def test_states_members():
    refs = references("{% $states.input.a & $states.context.Execution.Id %}")
    assert [(n, m) for n, m, _o in refs] == [("states", "input"), ("states", "context")]
