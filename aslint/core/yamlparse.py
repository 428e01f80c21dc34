"""YAML read safely: PyYAML's composer (libyaml when present) turned into plain data plus spans.

Nothing in a document is ever constructed as a Python object: tags are read as data. The
CloudFormation short forms (``!Ref``, ``!GetAtt``, ``!Sub`` …) become their long forms
(``{"Ref": …}``, ``{"Fn::GetAtt": […]}``); any other tag keeps its value. Aliases are expanded
with a budget, so a billion-laughs document is refused instead of eating the machine.
"""

from __future__ import annotations

import yaml

from aslint.core.jsonparse import ParseError
from aslint.core.pointer import escape
from aslint.core.positions import Span

try:  # libyaml is much faster; the pure-Python composer is the fallback
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_SCALAR = yaml.constructor.SafeConstructor()
_CFN_SHORT = {"Ref": "Ref", "Condition": "Condition"}
_MAX_DEPTH = 128


class YamlDoc:
    __slots__ = ("data", "spans", "duplicates", "start")

    def __init__(self, data, spans, duplicates, start):
        self.data = data
        self.spans = spans
        self.duplicates = duplicates
        self.start = start


def _flow_depth(text: str) -> int:
    depth = best = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > best:
                best = depth
        elif ch in "]}":
            depth -= 1
    return best


def load_all(text: str, budget: int | None = None) -> list[YamlDoc]:
    """Every document in ``text``. Raises ParseError with an offset."""
    if _flow_depth(text) > _MAX_DEPTH or text.count("\n") > 0 and _indent_depth(text) > _MAX_DEPTH:
        raise ParseError(f"the document nests more than {_MAX_DEPTH} levels deep; aslint does not read it", 0)
    budget = budget if budget is not None else max(200_000, 20 * len(text))
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = " ".join(x for x in (err.context, err.problem) if x) or "invalid YAML"
        raise ParseError(message, mark.index if mark else 0) from None
    except yaml.YAMLError as err:
        raise ParseError(str(err).splitlines()[0], 0) from None
    except RecursionError:
        raise ParseError("the document nests too deeply to be read", 0) from None
    counter = [budget]
    return [_convert(node, counter) for node in nodes if node is not None]


def _indent_depth(text: str) -> int:
    # Block nesting deeper than _MAX_DEPTH needs at least that many columns of indentation.
    return max((len(line) - len(line.lstrip(" ")) for line in text.splitlines()), default=0) // 2


_YAML12_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _scalar(node):
    """A scalar's value, resolved as YAML 1.2 does (js-yaml, CloudFormation): ``yes``/``on`` stay text."""
    tag = node.tag
    if tag == "tag:yaml.org,2002:str":
        return node.value
    if tag == "tag:yaml.org,2002:bool":
        return _YAML12_BOOLS.get(node.value, node.value)
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"):
        try:
            return _SCALAR.construct_object(node, deep=False)
        except Exception:
            return node.value
    return node.value  # timestamps, binary and anything else stay text


def _convert(root, counter) -> YamlDoc:
    spans: dict[str, Span] = {}
    duplicates = []
    result_holder: list = [None]
    # Work list of (node, pointer, key_span, setter)
    work = [(root, "", None, lambda v: result_holder.__setitem__(0, v), 0)]
    while work:
        node, pointer, key_span, setter, depth = work.pop()
        if depth > _MAX_DEPTH:
            raise ParseError(f"the document nests more than {_MAX_DEPTH} levels deep (a recursive alias?); aslint does not read it",
                             node.start_mark.index)
        counter[0] -= 1
        if counter[0] < 0:
            raise ParseError("YAML aliases expand to too many nodes (an alias bomb?); aslint refuses it", node.start_mark.index)
        spans[pointer] = Span((node.start_mark.index, node.end_mark.index), key_span)
        tag = node.tag
        short = tag[1:] if tag.startswith("!") and not tag.startswith("!!") else None
        if short is not None:
            # CloudFormation short form: wrap the plain value in its long form
            fn = _CFN_SHORT.get(short, "Fn::" + short)
            holder: dict = {}
            setter(holder)
            inner_setter = (lambda h, f: (lambda v: h.__setitem__(f, v)))(holder, fn)
            if short == "GetAtt" and isinstance(node, yaml.ScalarNode):
                holder[fn] = node.value.split(".", 1)
                continue
            plain = _retag(node)
            work.append((plain, pointer + "/" + escape(fn), key_span, inner_setter, depth + 1))
            continue
        if isinstance(node, yaml.ScalarNode):
            setter(_scalar(node))
        elif isinstance(node, yaml.SequenceNode):
            items = [None] * len(node.value)
            setter(items)
            for i, child in reversed(list(enumerate(node.value))):
                work.append((child, f"{pointer}/{i}", None, (lambda lst, j: (lambda v: lst.__setitem__(j, v)))(items, i), depth + 1))
        elif isinstance(node, yaml.MappingNode):
            mapping: dict = {}
            setter(mapping)
            seen = {}
            pending = []
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # merge keys are not part of CloudFormation/ASL; ignore them
                # keys are text, as in JSON: "Yes:" is the state name "Yes", "200:" is "200"
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(_scalar_text(key_node))
                kspan = (key_node.start_mark.index, key_node.end_mark.index)
                child_pointer = pointer + "/" + escape(key)
                if key in seen:
                    duplicates.append((child_pointer, Span(kspan, kspan), Span(seen[key], seen[key])))
                seen[key] = kspan
                mapping[key] = None
                pending.append((value_node, child_pointer, kspan, (lambda d, k: (lambda v: d.__setitem__(k, v)))(mapping, key), depth + 1))
            work.extend(reversed(pending))
    return YamlDoc(result_holder[0], spans, duplicates, root.start_mark.index)


def _scalar_text(node):
    return getattr(node, "value", "")


def _retag(node):
    """The same node with the implicit tag it would have had without the short-form tag."""
    if isinstance(node, yaml.ScalarNode):
        return yaml.ScalarNode("tag:yaml.org,2002:str", node.value, node.start_mark, node.end_mark, node.style)
    if isinstance(node, yaml.SequenceNode):
        return yaml.SequenceNode("tag:yaml.org,2002:seq", node.value, node.start_mark, node.end_mark, node.flow_style)
    return yaml.MappingNode("tag:yaml.org,2002:map", node.value, node.start_mark, node.end_mark, node.flow_style)
