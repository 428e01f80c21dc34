"""Build schemas/asl/state-machine.json, the whole-language JSON Schema for editors and other tools.

Single source of truth: the field tables in aslint/asl/structure.py (which fields each state type
takes in each query language) and the value shapes in schemas/asl/fields.json. The linter's rules
use those two directly, with specific codes and messages; this file combines them into one
standalone Draft 2020-12 schema (both query languages) for editors (``"$schema"`` /
yaml-language-server) and CI tools that only speak JSON Schema.

Regenerate after changing either source::

    python3 -m tests.asl_structure.build_schema

``tests/asl_structure/test_schema.py`` fails when the file is out of date.
"""

from __future__ import annotations

import json
from pathlib import Path

from aslint.asl import structure as S

OUT = Path(__file__).resolve().parents[2] / "schemas" / "asl" / "state-machine.json"
LANGS = ("JSONPath", "JSONata")
JSONATA_STRING = {"type": "string", "pattern": "^\\{%[\\s\\S]*%\\}$"}
STRUCTURAL = {"Type", "Next", "End", "Comment", "QueryLanguage", "Branches", "ItemProcessor", "Iterator", "Retry", "Catch",
              "Choices", "Default", "Resource"}
NEEDS_NEXT_OR_END = ("Task", "Pass", "Wait", "Parallel", "Map")
TIMESTAMP = "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$"


def _value(state_type: str, field: str, lang: str) -> dict:
    props = S._validator(state_type).schema.get("properties", {})
    shape = json.loads(json.dumps(props.get(field, {})))
    if lang == "JSONata" and field not in STRUCTURAL and shape:
        return _jsonata_ok(shape)
    return shape


def _jsonata_ok(schema: dict) -> dict:
    """In a JSONata state any value (nested ones too) may be a {% %} expression."""
    if not isinstance(schema, dict) or not schema:
        return schema
    out = dict(schema)
    if isinstance(out.get("properties"), dict):
        out["properties"] = {k: _jsonata_ok(v) for k, v in out["properties"].items()}
    if "type" in out or "enum" in out:
        return {"anyOf": [out, JSONATA_STRING]}
    return out


def _catcher(lang: str) -> dict:
    schema = json.loads(json.dumps(S._validator("Catcher").schema))
    schema["properties"].pop("ResultPath" if lang == "JSONata" else "Output")
    return schema


def _state(state_type: str, lang: str) -> dict:
    fields = sorted(S.allowed_fields(state_type, lang))
    props = {f: _value(state_type, f, lang) for f in fields}
    props["Type"] = {"const": state_type}
    props["QueryLanguage"] = {"enum": list(LANGS)}
    if "Retry" in props:
        props["Retry"] = {"type": "array", "items": {"$ref": "#/$defs/retrier"}}
    if "Catch" in props:
        props["Catch"] = {"type": "array", "items": {"$ref": f"#/$defs/catcher-{lang}"}}
    if state_type == "Parallel":
        props["Branches"] = {"type": "array", "minItems": 1, "items": {"$ref": f"#/$defs/machine-{lang}"}}
    if state_type == "Map":
        props["ItemProcessor"] = {"$ref": f"#/$defs/processor-{lang}"}
        props["Iterator"] = {"$ref": f"#/$defs/processor-{lang}"}  # AWS takes a ProcessorConfig here too
    if state_type == "Choice":
        props["Choices"] = {"type": "array", "minItems": 1, "items": {"$ref": f"#/$defs/choice-rule-{lang}"}}
    if state_type == "Wait" and "Timestamp" in props:
        props["Timestamp"] = {"anyOf": [{"type": "string", "pattern": TIMESTAMP}, JSONATA_STRING]} if lang == "JSONata" else \
            {"type": "string", "pattern": TIMESTAMP}
    if state_type == "Task" and "Credentials" in props:
        props["Credentials"] = {"type": "object", "properties": {"RoleArn": {"type": "string"}, "RoleArn.$": {"type": "string"}},
                                "additionalProperties": False, "minProperties": 1}
    schema = {"type": "object", "properties": props, "additionalProperties": False}
    required = {"Task": ["Resource"], "Choice": ["Choices"], "Parallel": ["Branches"]}.get(state_type)
    if required:
        schema["required"] = ["Type", *required]
    rules = []
    if state_type in NEEDS_NEXT_OR_END:
        rules.append({"oneOf": [{"required": ["Next"]}, {"required": ["End"], "properties": {"End": {"const": True}}}]})
    if state_type == "Wait":
        rules.append({"oneOf": [{"required": [f]} for f in ("Seconds", "Timestamp", "SecondsPath", "TimestampPath") if f in props]})
    if state_type == "Map":
        rules.append({"oneOf": [{"required": ["ItemProcessor"]}, {"required": ["Iterator"]}]})
    for first, second in (("TimeoutSeconds", "TimeoutSecondsPath"), ("HeartbeatSeconds", "HeartbeatSecondsPath"),
                          ("Error", "ErrorPath"), ("Cause", "CausePath"), ("MaxConcurrency", "MaxConcurrencyPath")):
        if first in props and second in props:
            rules.append({"not": {"required": [first, second]}})
    if rules:
        schema["allOf"] = rules
    return schema


def _choice_rules() -> dict:
    ops = {}
    for op, kind in S.OPERATORS.items():
        ops[op] = {"string": {"type": "string"}, "number": {"type": "number"}, "boolean": {"type": "boolean"},
                   "timestamp": {"type": "string", "pattern": TIMESTAMP}, "path": {"type": "string"}}[kind]
    def rule(top: bool) -> dict:
        ref = "#/$defs/choice-condition-JSONPath"
        props = {"Variable": {"type": "string"}, **ops, "And": {"type": "array", "minItems": 1, "items": {"$ref": ref}},
                 "Or": {"type": "array", "minItems": 1, "items": {"$ref": ref}}, "Not": {"$ref": ref}, "Comment": {"type": "string"}}
        schema = {"type": "object", "properties": props, "additionalProperties": False,
                  "oneOf": [{"required": [k]} for k in (*S.OPERATORS, *S.COMBINATORS)]}
        if top:
            props.update({"Next": {"type": "string", "minLength": 1}, "Assign": {"type": "object"}})
            schema["required"] = ["Next"]
        return schema
    return {
        "choice-rule-JSONPath": rule(True),
        "choice-condition-JSONPath": rule(False),
        "choice-rule-JSONata": {
            "type": "object", "required": ["Condition", "Next"], "additionalProperties": False,
            "properties": {"Condition": {"anyOf": [JSONATA_STRING, {"type": "boolean"}]}, "Next": {"type": "string", "minLength": 1},
                           "Comment": {"type": "string"}, "Assign": {"type": "object"}, "Output": {}},
        },
    }


def _machine(lang: str, *, top: bool = False, processor: bool = False) -> dict:
    props = {"StartAt": {"type": "string", "minLength": 1},
             "States": {"type": "object", "minProperties": 1, "additionalProperties": {"$ref": f"#/$defs/state-{lang}"}},
             "Comment": {"type": "string"}, "QueryLanguage": {"enum": list(LANGS)}}
    if top:
        machine = S._validator("machine").schema["properties"]
        props.update({"Version": machine["Version"], "TimeoutSeconds": machine["TimeoutSeconds"]})
    if processor:
        props["ProcessorConfig"] = S._validator("ProcessorConfig").schema
    return {"type": "object", "required": ["StartAt", "States"], "properties": props, "additionalProperties": False}


def _state_dispatch(lang: str) -> dict:
    other = "JSONata" if lang == "JSONPath" else "JSONPath"
    branches = []
    for t in S.STATE_TYPES:
        branches.append({
            "if": {"properties": {"Type": {"const": t}}, "required": ["Type"]},
            "then": {"if": {"properties": {"QueryLanguage": {"const": other}}, "required": ["QueryLanguage"]},
                     "then": {"$ref": f"#/$defs/{t}-{other}"}, "else": {"$ref": f"#/$defs/{t}-{lang}"}},
        })
    return {"type": "object", "required": ["Type"], "properties": {"Type": {"enum": list(S.STATE_TYPES)}}, "allOf": branches}


def build() -> dict:
    defs = {}
    for lang in LANGS:
        defs[f"machine-{lang}"] = _machine(lang)
        defs[f"top-{lang}"] = _machine(lang, top=True)
        defs[f"processor-{lang}"] = _machine(lang, processor=True)
        defs[f"state-{lang}"] = _state_dispatch(lang)
        defs[f"catcher-{lang}"] = _catcher(lang)
        for t in S.STATE_TYPES:
            defs[f"{t}-{lang}"] = _state(t, lang)
    defs["retrier"] = S._validator("Retrier").schema
    defs.update(_choice_rules())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://aslint.dev/schemas/asl/state-machine.json",
        "title": "Amazon States Language state machine (JSONPath and JSONata)",
        "description": "For deployable definitions: template placeholders (${...}, Ref/Fn::) must be substituted first. Generated by tests/asl_structure/build_schema.py from aslint/asl/structure.py and schemas/asl/fields.json; "
                       "do not edit by hand. aslint itself reports the same problems with specific codes (ASL010-ASL299).",
        "if": {"properties": {"QueryLanguage": {"const": "JSONata"}}, "required": ["QueryLanguage"]},
        "then": {"$ref": "#/$defs/top-JSONata"},
        "else": {"$ref": "#/$defs/top-JSONPath"},
        "$defs": defs,
    }


def render() -> str:
    return json.dumps(build(), indent=1, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
