"""Shared helpers of the ASL structure rules (ASL010-ASL299): field tables, did-you-mean, value shapes.

The field tables say which fields each state type allows in each query language (asl-facts.md
section 2). The *values* of those fields are described by ``schemas/asl/fields.json``; the
analysis :func:`value_problems` runs that schema over every state and sub-object once per document
and sorts each violation into a specific code (unknown field, missing field, wrong type, out of
range, invalid value), so no rule ever reports a generic "schema error".
"""

from __future__ import annotations

from aslint.core.nearest import close_matches
import functools
import json
import re

from aslint.core.pointer import escape

STATE_TYPES = ("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map")
QUERY_LANGUAGES = ("JSONPath", "JSONata")

COMMON = frozenset({"Type", "Comment", "QueryLanguage"})

# type -> (fields in both languages, JSONPath-only fields, JSONata-only fields)
FIELDS = {
    "Task": (
        {"Resource", "Next", "End", "Assign", "Retry", "Catch", "TimeoutSeconds", "HeartbeatSeconds", "Credentials"},
        {"InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "TimeoutSecondsPath", "HeartbeatSecondsPath"},
        {"Arguments", "Output"},
    ),
    "Pass": (
        {"Next", "End", "Assign"},
        {"InputPath", "Parameters", "Result", "ResultPath", "OutputPath"},
        {"Output"},
    ),
    "Choice": (
        {"Choices", "Default", "Assign"},
        {"InputPath", "OutputPath"},
        {"Output"},
    ),
    "Wait": (
        {"Next", "End", "Assign", "Seconds", "Timestamp"},
        {"InputPath", "OutputPath", "SecondsPath", "TimestampPath"},
        {"Output"},
    ),
    "Succeed": (set(), {"InputPath", "OutputPath"}, {"Output"}),
    "Fail": ({"Error", "Cause"}, {"ErrorPath", "CausePath"}, set()),
    "Parallel": (
        {"Branches", "Next", "End", "Assign", "Retry", "Catch"},
        {"InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath"},
        {"Arguments", "Output"},
    ),
    "Map": (
        {"ItemProcessor", "Iterator", "Next", "End", "Assign", "Retry", "Catch", "MaxConcurrency", "ItemReader",
         "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage", "ToleratedFailureCount", "Label", "ItemSelector"},
        {"InputPath", "ItemsPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "MaxConcurrencyPath",
         "ToleratedFailurePercentagePath", "ToleratedFailureCountPath"},
        {"Items", "Output"},
    ),
}

#: fields whose query-language restriction asl-facts.md marks UNCERTAIN (reported at warning)
UNCERTAIN_LANGUAGE = frozenset({"Result"})

MACHINE_FIELDS = frozenset({"StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage"})
NESTED_MACHINE_FIELDS = frozenset({"StartAt", "States", "Comment", "QueryLanguage", "ProcessorConfig"})

ALL_STATE_FIELDS = frozenset(COMMON.union(*(b | p | a for b, p, a in FIELDS.values())))

# Choice rules ---------------------------------------------------------------------------------
COMPARISONS = {
    **{f"String{op}": "string" for op in ("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals")},
    "StringMatches": "string",
    **{f"Numeric{op}": "number" for op in ("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals")},
    "BooleanEquals": "boolean",
    **{f"Timestamp{op}": "timestamp" for op in ("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals")},
    **{f"Is{t}": "boolean" for t in ("Null", "Present", "Numeric", "String", "Boolean", "Timestamp")},
}
PATH_COMPARISONS = {
    f"{family}{op}Path": "path"
    for family in ("String", "Numeric", "Timestamp")
    for op in ("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals")
}
PATH_COMPARISONS["BooleanEqualsPath"] = "path"
OPERATORS = {**COMPARISONS, **PATH_COMPARISONS}
COMBINATORS = ("And", "Or", "Not")
CHOICE_RULE_FIELDS = frozenset({"Variable", "Next", "Comment", "Condition", "Assign", "Output", *OPERATORS, *COMBINATORS})

RETRIER_FIELDS = frozenset({"ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"})
CATCHER_FIELDS = frozenset({"ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment"})

# Predefined error names (asl-facts.md section 4d)
STATES_ERRORS = frozenset({
    "States.ALL", "States.DataLimitExceeded", "States.Runtime", "States.Timeout", "States.HeartbeatTimeout",
    "States.TaskFailed", "States.Permissions", "States.ResultPathMatchFailure", "States.ParameterPathFailure",
    "States.QueryEvaluationError", "States.BranchFailed", "States.NoChoiceMatched", "States.IntrinsicFailure",
    "States.ExceedToleratedFailureThreshold", "States.ItemReaderFailed", "States.ResultWriterFailed",
    "States.Http.Socket",
})


def allowed_fields(state_type: str, query_language: str) -> set:
    both, jsonpath, jsonata = FIELDS[state_type]
    return set(COMMON) | both | (jsonata if query_language == "JSONata" else jsonpath)


def did_you_mean(word, choices, cutoff: float = 0.6) -> str:
    """' (did you mean 'Next'?)' or '' — case differences always count as a match."""
    if not isinstance(word, str):
        return ""
    choices = sorted(c for c in choices if isinstance(c, str))
    for choice in choices:
        if choice.lower() == word.lower():
            return f" (did you mean '{choice}'?)"
    close = close_matches(word, choices, n=1, cutoff=cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""


from aslint.asl.dynamic import is_dynamic  # noqa: E402,F401  (the one test, re-exported for the ASL rules)


def describe(value) -> str:
    """A short, user-facing name of a JSON value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def short(value, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clip(text, limit: int = 50) -> str:
    """A short excerpt of a string for a message (a value may be any length)."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Value shapes from schemas/asl/fields.json ----------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _schema_root() -> dict:
    from aslint.core.resources import data_file

    with open(data_file("schemas", "asl", "fields.json"), encoding="utf-8") as handle:
        return json.load(handle)


@functools.lru_cache(maxsize=None)
def _validator(definition: str):
    from aslint.core.minischema import Validator

    root = _schema_root()
    return Validator(_inline(root["$defs"][definition], root["$defs"]))


def _inline(node, defs, depth: int = 0):
    """The schema with local '#/$defs/…' references and 'allOf' merged in (the file has no cycles).

    Resolving references once here, instead of at every validation, makes checking a state several
    times faster; the validator then only walks plain keywords.
    """
    if depth > 20:
        raise ValueError("schemas/asl/fields.json: reference nesting too deep")
    if isinstance(node, list):
        return [_inline(n, defs, depth + 1) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        out.update(_inline(defs[ref[len("#/$defs/"):]], defs, depth + 1))
    for parent in node.get("allOf", ()):
        merged = _inline(parent, defs, depth + 1)
        for key, value in merged.items():
            if key == "properties":
                out.setdefault("properties", {}).update(value)
            else:
                out.setdefault(key, value)
    for key, value in node.items():
        if key in ("$ref", "allOf"):
            continue
        if key == "properties":
            out.setdefault("properties", {}).update({k: _inline(v, defs, depth + 1) for k, v in value.items()})
        else:
            out[key] = _inline(value, defs, depth + 1) if key != "enum" else value
    return out


_TYPE_WORDS = {"integer": "an integer", "number": "a number", "string": "a string", "boolean": "a boolean",
               "object": "an object", "array": "an array", "null": "null"}

_RANGE = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "minLength", "maxLength")


def _expected(types) -> str:
    types = [types] if isinstance(types, str) else list(types)
    return " or ".join(_TYPE_WORDS.get(t, t) for t in types)


def _where(path) -> str:
    parts = []
    for p in path:
        parts.append(f"[{p}]" if isinstance(p, int) else ("." if parts else "") + str(p))
    return "".join(parts)


def _describe_place(label: str, path: list) -> str:
    """"BackoffRate of retrier #1 of state 'p'" rather than "state 'p' field 'Retry[0].BackoffRate'"."""
    if len(path) >= 2 and path[0] in ("Retry", "Catch") and isinstance(path[1], int):
        owner = f"{'retrier' if path[0] == 'Retry' else 'catcher'} #{path[1] + 1} of {label}"
        rest = path[2:]
        return f"'{_where(rest)}' of {owner}" if rest else owner
    if not path:
        return label
    if len(path) == 1:
        return f"'{path[0]}' of {label}"
    return f"'{_where(path[1:])}' in '{path[0]}' of {label}"


def _field_names_for(error) -> set:
    props = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    return set(props)


def _problems_for(validator, node, pointer: str, label: str):
    """(code, pointer, message, target, fix, hint) for every violation of ``node``."""
    out = []
    for error in validator.iter_errors(node):
        inst = error.instance
        if is_dynamic(inst):
            continue
        path = list(error.absolute_path)
        ptr = pointer + "".join("/" + escape(p) for p in path)
        where = _describe_place(label, path)
        kind = error.validator
        if kind == "type":
            shown = "" if inst is None else f" ({short(inst)})"
            fixed = coerce(inst, error.validator_value)
            fix = None if fixed is None else _value_fix(ptr, fixed, f"write {json.dumps(fixed)} without quotes")
            out.append(("ASL105", ptr, f"{where} must be {_expected(error.validator_value)}, not {describe(inst)}{shown}", "value", fix,
                        f"Write {_expected(error.validator_value)}"))
        elif kind in _RANGE:
            if kind in ("minItems",) and error.validator_value == 1:
                msg, hint = f"{where} is empty", "Add at least one entry, or remove the field"
            elif kind in ("minLength",):
                msg, hint = f"{where} is an empty string", "Give it a value"
            elif kind in ("minItems", "maxItems", "maxLength"):
                msg, hint = f"{where} has {len(inst)} entries, beyond the limit {kind}={error.validator_value}", "Shorten it"
            else:
                bound = "at least" if "min" in kind.lower() else "at most"
                msg, hint = f"{where} is {short(inst)}, but must be {bound} {error.validator_value}", f"Use a value of {bound} {error.validator_value}"
            out.append(("ASL106", ptr, msg, "value", None, hint))
        elif kind in ("enum", "const"):
            allowed = error.validator_value if kind == "enum" else [error.validator_value]
            hint = did_you_mean(inst, allowed) if isinstance(inst, str) else ""
            same = [a for a in allowed if isinstance(inst, str) and isinstance(a, str) and a.lower() == inst.lower()]
            fix = _value_fix(ptr, same[0], f"use {same[0]}") if len(same) == 1 else None
            out.append(("ASL107", ptr, f"{where} is {short(inst)}, not an allowed value{hint}", "value", fix,
                        f"Use one of {', '.join(map(str, allowed))}"))
        elif kind == "additionalProperties":
            known = _field_names_for(error)
            extras = [k for k in inst if k not in known] if isinstance(inst, dict) else []
            for key in extras:
                out.append(("ASL101", ptr + "/" + escape(key),
                            f"unknown field '{key}' in {where}{did_you_mean(key, known)}", "key", None,
                            f"Remove it or fix its name (allowed: {', '.join(sorted(known))})"))
        elif kind == "required":
            missing = error.message.split("'")[1] if "'" in error.message else str(error.validator_value)
            out.append(("ASL104", ptr + "/" + escape(missing), f"{where} has no '{missing}', a required field", "key", None,
                        f"Add '{missing}'"))
    return out


def value_problems(doc) -> list:
    """Every value-shape problem of the document (cached): [(code, pointer, message, target)]."""
    cached = doc.cache.get("asl.structure.values")
    if cached is not None:
        return cached
    from aslint.asl.model import model

    problems = []
    m = model(doc)
    for machine in m.machines:
        if machine.parent_state is None and isinstance(machine.node, dict):
            problems += _problems_for(_validator("machine"), machine.node, machine.pointer, "the state machine's")
    for ref in m.states:
        if not ref.is_object or ref.type not in STATE_TYPES:
            continue
        problems += _problems_for(_validator(ref.type), ref.node, ref.pointer, f"state '{ref.name}'")
    doc.cache["asl.structure.values"] = problems
    return problems


def problems_with_code(doc, code: str):
    from aslint.core.finding import Finding

    for c, pointer, message, target, fix, hint in value_problems(doc):
        if c == code:
            yield Finding(pointer, message, target=target, fix=fix, hint=hint)


def _value_fix(pointer: str, value, description: str):
    from aslint.core.finding import ValueFix

    return ValueFix(pointer, value, description)


def exact_decimal(text: str) -> bool:
    """Whether the decimal ``text`` means the same number once unquoted: a JSON reader holds it
    in a double, so the double's shortest form must denote exactly the value written (``1e400``,
    ``9007199254740993`` and ``1.00000000000000000001`` do not; ``0.1`` and ``12`` do)."""
    import math
    from decimal import Decimal

    if len(text) > 40:
        return False
    number = float(text)
    return math.isfinite(number) and Decimal(repr(number)) == Decimal(text)


def coerce(value, wanted):
    """A quoted number or boolean turned into the JSON type ``wanted`` names (or None)."""
    wanted = [wanted] if isinstance(wanted, str) else list(wanted)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if "integer" in wanted and re.fullmatch(r"-?\d+", text):
        return int(text) if exact_decimal(text) else None
    if "number" in wanted and re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", text):
        if not exact_decimal(text):
            return None
        number = float(text)
        return int(text) if re.fullmatch(r"-?\d+", text) else number
    if "boolean" in wanted and text in ("true", "false"):
        return text == "true"
    return None


def iter_choice_rules(ref):
    """(rule, pointer, top_level) for every Choice rule of a Choice state, nested ones included."""
    node = ref.node
    choices = node.get("Choices") if isinstance(node, dict) else None
    if not isinstance(choices, list):
        return
    work = [(rule, f"{ref.pointer}/Choices/{i}", True) for i, rule in enumerate(choices)]
    work.reverse()
    while work:
        rule, pointer, top = work.pop()
        yield rule, pointer, top
        if not isinstance(rule, dict):
            continue
        nested = []
        for key in ("And", "Or"):
            if isinstance(rule.get(key), list):
                nested += [(r, f"{pointer}/{key}/{i}", False) for i, r in enumerate(rule[key])]
        if isinstance(rule.get("Not"), dict):
            nested.append((rule["Not"], f"{pointer}/Not", False))
        work.extend(reversed(nested))


def machine_label(machine) -> str:
    parent = machine.parent_state
    if parent is None:
        return "the top-level machine"
    where = "a branch of Parallel" if parent.type == "Parallel" else "the item processor of Map"
    return f"{where} state '{parent.name}'"


_RFC3339 = None


def is_timestamp(value) -> bool:
    """An RFC 3339 date-time with uppercase 'T' and 'Z' (asl-facts.md section 9)."""
    global _RFC3339
    if _RFC3339 is None:
        import re

        _RFC3339 = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$")
    return isinstance(value, str) and bool(_RFC3339.match(value))


def handlers(ref) -> list:
    """(field, index, entry, pointer) for every retrier and catcher of a state that may have them.

    Listed once per state (five rules ask for every state): the list is shared, never change it."""
    found = getattr(ref, "handlers", None)
    if found is None:
        found = []
        node = ref.node
        if isinstance(node, dict):
            for field in ("Retry", "Catch"):
                entries = node.get(field)
                if isinstance(entries, list):
                    found.extend((field, i, entry, f"{ref.pointer}/{field}/{i}") for i, entry in enumerate(entries))
        try:
            ref.handlers = found
        except AttributeError:
            pass
    return found


def handler_label(field: str, index: int, state_name: str) -> str:
    return f"{'retrier' if field == 'Retry' else 'catcher'} #{index + 1} of state '{state_name}'"
