"""Where expressions live in a definition: path fields, `.$` template values, JSONata strings.

One linear pass per document (cached in ``doc.cache``) shared by the ASL300–ASL499 rules.
Every site carries the state it belongs to, the pointer of its value and what kind of
expression the field takes. Nested state machines (Parallel branches, Map processors) are
reached through :mod:`aslint.asl.model`, never through the template walk.
"""

from __future__ import annotations

from aslint.core.record import dataclass, field

from aslint.asl.model import StateRef, model
from aslint.core.pointer import escape

#: Path fields of a JSONPath state and what they take:
#: "path" – a Path (InputPath/OutputPath; null allowed), "result" – a Reference Path into the
#: state's input (ResultPath; null allowed), "reference" – a Reference Path,
#: "error" – a Reference Path or an intrinsic call (Fail ErrorPath/CausePath).
PATH_FIELDS = {
    "InputPath": "path",
    "OutputPath": "path",
    "ResultPath": "result",
    "ItemsPath": "reference",
    "SecondsPath": "reference",
    "TimestampPath": "reference",
    "TimeoutSecondsPath": "reference",
    "HeartbeatSecondsPath": "reference",
    "MaxConcurrencyPath": "reference",
    "ToleratedFailurePercentagePath": "reference",
    "ToleratedFailureCountPath": "reference",
    "ErrorPath": "error",
    "CausePath": "error",
}
#: nested path fields: (container key, field) – Distributed Map reader/batcher limits
NESTED_PATH_FIELDS = (
    (("ItemReader", "ReaderConfig"), "MaxItemsPath"),
    (("ItemBatcher",), "MaxItemsPerBatchPath"),
    (("ItemBatcher",), "MaxInputBytesPerBatchPath"),
)
#: payload-template roots of a JSONPath state (their `.$` keys hold paths or intrinsics)
TEMPLATE_FIELDS = ("Parameters", "ResultSelector", "ItemSelector", "Assign", "Credentials",
                   "ItemReader", "ItemBatcher", "ResultWriter")
#: fields of a JSONata state whose strings may be '{% … %}' expressions
JSONATA_FIELDS = ("Arguments", "Output", "Assign", "Items", "ItemSelector", "TimeoutSeconds",
                  "HeartbeatSeconds", "Seconds", "Timestamp", "Error", "Cause", "MaxConcurrency",
                  "ToleratedFailurePercentage", "ToleratedFailureCount", "Credentials", "ItemReader",
                  "ItemBatcher", "ResultWriter")
CHOICE_OPERATOR_PATHS = frozenset(
    f"{family}{op}Path"
    for family in ("String", "Numeric", "Timestamp")
    for op in ("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals")
) | {"BooleanEqualsPath"}


@dataclass
class Site:
    state: StateRef
    pointer: str  # the value's pointer
    value: object
    field: str  # the field (or template key) name
    kind: str  # see PATH_FIELDS; "template" for a `.$` value; "jsonata" for a JSONata string
    in_catch: bool = False


@dataclass
class Sites:
    paths: list  # Site per path field of JSONPath states
    templates: list  # Site per `.$` value in JSONPath payload templates
    template_roots: list  # (state, pointer, node) of each payload template (JSONPath states)
    jsonata: list  # Site per string inside JSONata-accepting fields of JSONata states
    jsonata_roots: list  # (state, pointer, node, in_catch) of each JSONata-accepting field
    #: (pointer, object, under_dollar) of every object in the payload templates, in the order of a
    #: depth-first walk (last child first); ``under_dollar``: inside the value of a `.$` key
    template_objects: list = field(default_factory=list)
    #: pointers of the path fields that sit inside a payload template (ItemReader/ItemBatcher limits)
    nested_paths: set = field(default_factory=set)


def sites(doc) -> Sites:
    cached = doc.cache.get("asl.sites")
    if cached is None:
        cached = doc.cache["asl.sites"] = _build(doc)
    return cached


def _build(doc) -> Sites:
    out = Sites([], [], [], [], [])
    for ref in model(doc).states:
        node = ref.node
        if not isinstance(node, dict):
            continue
        if ref.jsonata:
            _jsonata_state(ref, out)
        else:
            _jsonpath_state(ref, out)
    return out


def _jsonpath_state(ref: StateRef, out: Sites):
    node, base = ref.node, ref.pointer
    for key, kind in PATH_FIELDS.items():
        if key in node:
            out.paths.append(Site(ref, f"{base}/{key}", node[key], key, kind))
    for containers, key in NESTED_PATH_FIELDS:
        if containers[0] not in node:
            continue  # not a Distributed Map's reader or batcher
        holder, ptr = node, base
        for c in containers:
            holder = holder.get(c) if isinstance(holder, dict) else None
            ptr += "/" + c
        if isinstance(holder, dict) and key in holder:
            out.paths.append(Site(ref, f"{ptr}/{key}", holder[key], key, "reference"))
            out.nested_paths.add(f"{ptr}/{key}")
    for key in TEMPLATE_FIELDS:
        if key in node:
            _template(ref, f"{base}/{key}", node[key], out, key)
    catches = node.get("Catch")
    if isinstance(catches, list):
        for i, catcher in enumerate(catches):
            if not isinstance(catcher, dict):
                continue
            if "ResultPath" in catcher:
                out.paths.append(Site(ref, f"{base}/Catch/{i}/ResultPath", catcher["ResultPath"], "ResultPath", "result", True))
            if "Assign" in catcher:
                _template(ref, f"{base}/Catch/{i}/Assign", catcher["Assign"], out, "Assign")
    choices = node.get("Choices") if node.get("Type") == "Choice" else None
    if isinstance(choices, list):
        for i, rule in enumerate(choices):
            if isinstance(rule, dict) and "Assign" in rule:
                _template(ref, f"{base}/Choices/{i}/Assign", rule["Assign"], out, "Assign")
        _choice_paths(ref, f"{base}/Choices", choices, out)


def _choice_paths(ref, pointer, choices, out):
    work = [(f"{pointer}/{i}", rule) for i, rule in enumerate(choices)]
    while work:
        ptr, rule = work.pop()
        if not isinstance(rule, dict):
            continue
        for key, value in rule.items():
            if key == "Variable" or key in CHOICE_OPERATOR_PATHS:
                out.paths.append(Site(ref, f"{ptr}/{key}", value, key, "reference"))
            elif key in ("And", "Or") and isinstance(value, list):
                work.extend((f"{ptr}/{key}/{j}", sub) for j, sub in enumerate(value))
            elif key == "Not":
                work.append((f"{ptr}/Not", value))


def _template(ref, pointer, node, out, root_field):
    """Every `.$` value below a payload template (iterative; any depth; lists included)."""
    out.template_roots.append((ref, pointer, node))
    objects = out.template_objects
    work = [(pointer, node, False)]
    while work:
        ptr, value, hidden = work.pop()
        if isinstance(value, dict):
            objects.append((ptr, value, hidden))
            for key, sub in value.items():
                if isinstance(key, str) and key.endswith(".$"):
                    if not hidden:
                        out.templates.append(Site(ref, f"{ptr}/{escape(key)}", sub, key, "template"))
                    if isinstance(sub, (dict, list)):  # not a template below: walked for ASL305 only
                        work.append((f"{ptr}/{escape(key)}", sub, True))
                elif isinstance(sub, (dict, list)):
                    work.append((f"{ptr}/{escape(key)}", sub, hidden))
        elif isinstance(value, list):
            work.extend((f"{ptr}/{i}", sub, hidden) for i, sub in enumerate(value) if isinstance(sub, (dict, list)))


def _jsonata_state(ref: StateRef, out: Sites):
    node, base = ref.node, ref.pointer
    for key in JSONATA_FIELDS:
        if key in node:
            _strings(ref, f"{base}/{key}", node[key], out, key, False)
    catches = node.get("Catch")
    if isinstance(catches, list):
        for i, catcher in enumerate(catches):
            if isinstance(catcher, dict):
                for key in ("Output", "Assign"):
                    if key in catcher:
                        _strings(ref, f"{base}/Catch/{i}/{key}", catcher[key], out, key, True)
    choices = node.get("Choices") if node.get("Type") == "Choice" else None
    if isinstance(choices, list):
        for i, rule in enumerate(choices):
            if isinstance(rule, dict):
                for key in ("Condition", "Output", "Assign"):
                    if key in rule:
                        _strings(ref, f"{base}/Choices/{i}/{key}", rule[key], out, key, False)


def _strings(ref, pointer, node, out, field, in_catch):
    out.jsonata_roots.append((ref, pointer, node, in_catch))
    work = [(pointer, node, field)]
    while work:
        ptr, value, key = work.pop()
        if isinstance(value, str):
            out.jsonata.append(Site(ref, ptr, value, key, "jsonata", in_catch))
        elif isinstance(value, dict):
            work.extend((f"{ptr}/{escape(k)}", v, k) for k, v in value.items())
        elif isinstance(value, list):
            work.extend((f"{ptr}/{i}", v, key) for i, v in enumerate(value))
