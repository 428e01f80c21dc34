"""YAML read safely: PyYAML's composer (libyaml when present) turned into plain data plus spans.

Nothing in a document is ever constructed as a Python object: tags are read as data. The
CloudFormation short forms (``!Ref``, ``!GetAtt``, ``!Sub`` …) become their long forms
(``{"Ref": …}``, ``{"Fn::GetAtt": […]}``); any other tag keeps its value. Aliases are expanded
against the file's budget (:mod:`aslint.core.budget`), so a billion-laughs document is refused instead
of eating the machine, however much padding surrounds it.
"""

from __future__ import annotations

import yaml

from aslint.core import budget as budget_mod
from aslint.core.jsonparse import ParseError, too_many_digits
from aslint.core.pointer import escape
from aslint.core.positions import AliasSpan, Span

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


def _rough_depth(text: str) -> int:
    """An upper bound of the nesting depth, cheap: flow brackets anywhere (comments and strings
    too) and two columns of indentation per level on lines that hold something."""
    depth = best = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > best:
                best = depth
        elif ch in "]}":
            depth -= 1
    if "\n" in text or "\r" in text:
        indent = max((len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()), default=0)
        best = max(best, indent // 2)
    return best


def _event_depth(text: str) -> int:
    """The exact nesting depth, from the parser's events (libyaml's parser keeps its own stack, so
    this never recurses); stops counting past _MAX_DEPTH. A syntax error ends the count: the
    composer stops at the same place."""
    depth = best = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > best:
                    best = depth
                    if best > _MAX_DEPTH:
                        break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return best


def load_all(text: str, budget: "budget_mod.Budget | None" = None) -> list[YamlDoc]:
    """Every document in ``text``. Raises ParseError with an offset.

    Aliases draw on ``budget`` (default: the budget of the file being linted)."""
    if _rough_depth(text) > _MAX_DEPTH and _event_depth(text) > _MAX_DEPTH:
        raise ParseError(f"the document nests more than {_MAX_DEPTH} levels deep; aslint does not read it", 0)
    budget = budget if budget is not None else budget_mod.current()
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
    visited: set = set()  # ids of the nodes converted once: meeting one again is an alias
    return [_convert(node, budget, visited, text) for node in nodes if node is not None]


def safe_data(text: str, budget: "budget_mod.Budget | None" = None):
    """The first document of ``text`` as PyYAML's safe_load builds it (YAML 1.1 scalars, no
    spans), after the same depth check and alias budget as :func:`load_all`. Raises ParseError
    or yaml.YAMLError."""
    if _rough_depth(text) > _MAX_DEPTH and _event_depth(text) > _MAX_DEPTH:
        raise ParseError(f"the document nests more than {_MAX_DEPTH} levels deep; aslint does not read it", 0)
    budget = budget if budget is not None else budget_mod.current()
    node = yaml.compose(text, Loader=_Loader)
    if node is None:
        return None
    _charge_aliases(node, budget)
    constructor = yaml.constructor.SafeConstructor()
    return constructor.construct_document(node)


def _charge_aliases(root, budget) -> None:
    seen: set = set()
    work = [(root, 0)]
    while work:
        node, depth = work.pop()
        if depth > _MAX_DEPTH:
            raise ParseError(f"the document nests more than {_MAX_DEPTH} levels deep (a recursive alias?); aslint does not read it",
                             node.start_mark.index)
        if id(node) in seen:
            _charge(node, budget)
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            work.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            work.extend((child, depth + 1) for pair in node.value for child in pair)


def _charge(node, budget) -> None:
    cost = 1 + (len(node.value) // budget_mod.SCALAR_CHARS if isinstance(node, yaml.ScalarNode) else 0)
    if not budget.charge(cost):
        raise ParseError(f"YAML aliases expand to more than {budget_mod.ALIAS_NODES:,} nodes in this file (an alias bomb?); "
                         "aslint refuses it", node.start_mark.index)


_YAML12_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _scalar(node):
    """A scalar's value, resolved as YAML 1.2 does (js-yaml, CloudFormation): ``yes``/``on`` stay text."""
    tag = node.tag
    if tag == "tag:yaml.org,2002:str":
        return node.value
    if tag == "tag:yaml.org,2002:bool":
        return _YAML12_BOOLS.get(node.value, node.value)
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"):
        if tag == "tag:yaml.org,2002:int" and too_many_digits(node.value):
            raise ParseError(too_many_digits(node.value), node.start_mark.index, node.end_mark.index, plain=True)
        try:
            return _SCALAR.construct_object(node, deep=False)
        except Exception:
            return node.value
    return node.value  # timestamps, binary and anything else stay text


def _convert(root, budget, visited, text) -> YamlDoc:
    spans: dict[str, Span] = {}
    duplicates = []
    result_holder: list = [None]
    made: list = []
    # (node, pointer, key span, setter, depth, below an alias)
    work = [(root, "", None, lambda v: result_holder.__setitem__(0, v), 0, False)]
    while work:
        node, pointer, key_span, setter, depth, below = work.pop()
        if depth > _MAX_DEPTH:
            raise ParseError(f"the document nests more than {_MAX_DEPTH} levels deep (a recursive alias?); aslint does not read it",
                             node.start_mark.index)
        if id(node) in visited:  # reached again through an alias: the expansion is charged
            _charge(node, budget)
            # the node's text is the anchor's, elsewhere: the alias point is known by its key
            # only (findings inside land there), and nothing below it gets a span (no fix lands
            # on the anchor's text through an alias)
            if key_span is not None and not below:
                spans[pointer] = AliasSpan(key_span, key_span)
            below = True
        else:
            visited.add(id(node))
            if not below:
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
            made.append(plain)  # kept alive, so that no later node gets its id
            work.append((plain, pointer + "/" + escape(fn), key_span, inner_setter, depth + 1, below))
            continue
        if isinstance(node, yaml.ScalarNode):
            setter(_scalar(node))
        elif isinstance(node, yaml.SequenceNode):
            items = [None] * len(node.value)
            setter(items)
            for i, child in reversed(list(enumerate(node.value))):
                work.append((child, f"{pointer}/{i}", None, (lambda lst, j: (lambda v: lst.__setitem__(j, v)))(items, i), depth + 1, below))
        elif isinstance(node, yaml.MappingNode):
            mapping: dict = {}
            setter(mapping)
            seen = {}
            pending = []
            for key_node, value_node in _pairs(node, budget):
                # keys are text, as in JSON: "Yes:" is the state name "Yes", "200:" is "200"
                kspan = (key_node.start_mark.index, key_node.end_mark.index)
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else _complex_key(key_node, text, budget)
                child_pointer = pointer + "/" + escape(key)
                if key in seen:
                    duplicates.append((child_pointer, Span(kspan, kspan), Span(seen[key], seen[key])))
                seen[key] = kspan
                mapping[key] = None
                pending.append((value_node, child_pointer, kspan, (lambda d, k: (lambda v: d.__setitem__(k, v)))(mapping, key), depth + 1, below))
            work.extend(reversed(pending))
    return YamlDoc(result_holder[0], spans, duplicates, root.start_mark.index)


_MERGE = "tag:yaml.org,2002:merge"


def _pairs(node, budget) -> list:
    """The (key, value) node pairs of a mapping with YAML 1.1 merge keys applied (``<<: *base`` or
    ``<<: [*a, *b]``), as PyYAML and the tools CloudFormation users know do: the mapping's own keys
    win over merged ones, and an earlier merged mapping wins over a later one."""
    if not any(k.tag == _MERGE for k, _ in node.value):
        return node.value
    own = [(k, v) for k, v in node.value if k.tag != _MERGE]
    taken = {k.value for k, _ in own if isinstance(k, yaml.ScalarNode)}
    merged = []
    for key_node, value_node in node.value:
        if key_node.tag != _MERGE:
            continue
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                raise ParseError("a merge key (<<) takes a mapping or a list of mappings", source.start_mark.index)
            _charge(source, budget)
            for k, v in _pairs_bounded(source, budget):
                if isinstance(k, yaml.ScalarNode) and k.value in taken:
                    continue
                taken.add(k.value if isinstance(k, yaml.ScalarNode) else id(k))
                merged.append((k, v))
    return own + merged


def _pairs_bounded(node, budget, depth=[0]):
    if depth[0] > _MAX_DEPTH:
        raise ParseError("merge keys (<<) nest too deeply (a recursive alias?); aslint does not read it", node.start_mark.index)
    depth[0] += 1
    try:
        return _pairs(node, budget)
    finally:
        depth[0] -= 1


def _complex_key(node, text, budget) -> str:
    """A mapping or list used as a key (``? [a, b]``): named by its source text, at most
    _KEY_CHARS of it, each character charged (an alias can repeat one such key many times)."""
    start, end = node.start_mark.index, node.end_mark.index
    source = text[start:min(end, start + _KEY_CHARS)]
    _charge(yaml.ScalarNode("tag:yaml.org,2002:str", source, node.start_mark, node.end_mark), budget)
    return source if end - start <= _KEY_CHARS else f"{source}…@{start}"


_KEY_CHARS = 200


def _retag(node):
    """The same node with the implicit tag it would have had without the short-form tag."""
    if isinstance(node, yaml.ScalarNode):
        return yaml.ScalarNode("tag:yaml.org,2002:str", node.value, node.start_mark, node.end_mark, node.style)
    if isinstance(node, yaml.SequenceNode):
        return yaml.SequenceNode("tag:yaml.org,2002:seq", node.value, node.start_mark, node.end_mark, node.flow_style)
    return yaml.MappingNode("tag:yaml.org,2002:map", node.value, node.start_mark, node.end_mark, node.flow_style)
