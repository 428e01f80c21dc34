"""A small, fast JSON Schema validator for the subset aslint's own schemas use.

Validating every state of a 5,000-state machine through ``jsonschema`` costs about a second and
its import alone a tenth of one; this walker does the same job for the keywords in ``schemas/``
several times faster, and yields errors shaped like jsonschema's (``validator``,
``validator_value``, ``instance``, ``absolute_path``, ``schema``, ``message``), so rules do not
care which one ran. A schema using any other keyword is handed to jsonschema (see
:func:`aslint.core.schemas.validator_for`); a test checks that both agree.
"""

from __future__ import annotations

import re
from collections import deque

SUPPORTED = {
    "$schema", "$id", "$comment", "$defs", "definitions", "title", "description", "examples", "default",
    "type", "properties", "additionalProperties", "required", "items", "enum", "const", "pattern",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems",
    "maxItems", "minProperties", "maxProperties", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref",
}
_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class Error:
    __slots__ = ("validator", "validator_value", "instance", "path", "schema", "message", "context")

    def __init__(self, validator, validator_value, instance, path, schema, message, context=()):
        self.validator = validator
        self.validator_value = validator_value
        self.instance = instance
        self.path = path
        self.schema = schema
        self.message = message
        self.context = list(context)

    @property
    def absolute_path(self):
        return deque(self.path)

    relative_path = absolute_path

    def __repr__(self):
        return f"<Error {self.validator} at {list(self.path)}: {self.message}>"


def supported(schema) -> bool:
    """True when every keyword of ``schema`` (at any depth) is one this module handles."""
    work = [schema]
    while work:
        node = work.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in SUPPORTED:
                    return False
                if key in ("properties", "$defs", "definitions"):
                    if not isinstance(value, dict):
                        return False
                    work.extend(value.values())
                elif key in ("enum", "const", "required", "examples", "default", "type"):
                    continue
                elif key == "$ref":
                    if not (isinstance(value, str) and value.startswith("#/")):
                        return False  # remote references: jsonschema resolves those
                else:
                    work.append(value)
        elif isinstance(node, list):
            work.extend(node)
    return True


def _repr(value) -> str:
    return repr(value)


def _undecided(instance):
    raise LookupError("no compiled test for this schema")


class Validator:
    def __init__(self, schema: dict, root: dict | None = None):
        self.schema = schema
        self.root = root if root is not None else schema
        self._patterns: dict = {}
        self._checks: dict = {}  # id(schema node) -> compiled validity test (see _check_for)

    def is_valid(self, instance) -> bool:
        return next(self.iter_errors(instance), None) is None

    def iter_errors(self, instance, schema=None, path=()):
        schema = self.schema if schema is None else schema
        if schema is True or schema == {}:
            return
        check = self._checks.get(id(schema))
        if check is None:
            check = self._check_for(schema)
        try:
            if check(instance):
                return  # valid: nothing to report (most instances; the walk below finds the errors)
        except Exception:  # noqa: BLE001 - a schema the test cannot judge: the walk decides (and raises as before)
            pass
        yield from self._walk(instance, schema, path)

    def _check_for(self, schema):
        """The compiled validity test of ``schema`` (cached), or one that defers to the walk."""
        try:
            return compile_check(schema, self._resolve, self._checks)
        except Exception:  # noqa: BLE001 - e.g. an unknown type name or a bad pattern: the walk reports it
            self._checks[id(schema)] = _undecided
            return _undecided

    def _walk(self, instance, schema, path):
        if schema is False:
            yield Error("false", False, instance, path, schema, f"False schema does not allow {_repr(instance)}")
            return
        ref = schema.get("$ref")
        if ref is not None:
            yield from self.iter_errors(instance, self._resolve(ref), path)
        kind = schema.get("type")
        if kind is not None:
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(_TYPES[k](instance) for k in kinds):
                yield Error("type", kind, instance, path, schema, f"{_repr(instance)} is not of type {', '.join(map(repr, kinds))}")
                return  # the other keywords would only repeat the same mistake
        if "enum" in schema and not any(_equal(instance, e) for e in schema["enum"]):
            yield Error("enum", schema["enum"], instance, path, schema, f"{_repr(instance)} is not one of {schema['enum']!r}")
        if "const" in schema and not _equal(instance, schema["const"]):
            yield Error("const", schema["const"], instance, path, schema, f"{schema['const']!r} was expected")
        if isinstance(instance, str):
            yield from self._string(instance, schema, path)
        elif isinstance(instance, (int, float)) and not isinstance(instance, bool):
            yield from self._number(instance, schema, path)
        elif isinstance(instance, dict):
            yield from self._object(instance, schema, path)
        elif isinstance(instance, list):
            yield from self._array(instance, schema, path)
        for sub in schema.get("allOf", ()):
            yield from self.iter_errors(instance, sub, path)
        if "anyOf" in schema:
            errs = []
            for sub in schema["anyOf"]:
                found = list(self.iter_errors(instance, sub, path))
                if not found:
                    break
                errs.extend(found)
            else:
                yield Error("anyOf", schema["anyOf"], instance, path, schema, f"{_repr(instance)} is not valid under any of the given schemas", errs)
        if "oneOf" in schema:
            good, errs = [], []
            for i, sub in enumerate(schema["oneOf"]):
                found = list(self.iter_errors(instance, sub, path))
                (errs.extend(found) if found else good.append(i))
            if not good:
                yield Error("oneOf", schema["oneOf"], instance, path, schema, f"{_repr(instance)} is not valid under any of the given schemas", errs)
            elif len(good) > 1:
                yield Error("oneOf", schema["oneOf"], instance, path, schema, f"{_repr(instance)} is valid under each of {good}")
        if "not" in schema and not list(self.iter_errors(instance, schema["not"], path)):
            yield Error("not", schema["not"], instance, path, schema, f"{_repr(instance)} should not be valid under {schema['not']!r}")
        if "if" in schema:
            if not list(self.iter_errors(instance, schema["if"], path)):
                if "then" in schema:
                    yield from self.iter_errors(instance, schema["then"], path)
            elif "else" in schema:
                yield from self.iter_errors(instance, schema["else"], path)

    # -- per type ---------------------------------------------------------------------------
    def _string(self, instance, schema, path):
        if "minLength" in schema and len(instance) < schema["minLength"]:
            yield Error("minLength", schema["minLength"], instance, path, schema,
                        f"{_repr(instance)} should be non-empty" if schema["minLength"] == 1 else f"{_repr(instance)} is too short")
        if "maxLength" in schema and len(instance) > schema["maxLength"]:
            yield Error("maxLength", schema["maxLength"], instance, path, schema, f"{_repr(instance)} is too long")
        if "pattern" in schema:
            pattern = self._patterns.get(schema["pattern"])
            if pattern is None:
                pattern = self._patterns[schema["pattern"]] = re.compile(schema["pattern"])
            if not pattern.search(instance):
                yield Error("pattern", schema["pattern"], instance, path, schema, f"{_repr(instance)} does not match {schema['pattern']!r}")

    def _number(self, instance, schema, path):
        if "minimum" in schema and instance < schema["minimum"]:
            yield Error("minimum", schema["minimum"], instance, path, schema, f"{instance!r} is less than the minimum of {schema['minimum']!r}")
        if "maximum" in schema and instance > schema["maximum"]:
            yield Error("maximum", schema["maximum"], instance, path, schema, f"{instance!r} is greater than the maximum of {schema['maximum']!r}")
        if "exclusiveMinimum" in schema and instance <= schema["exclusiveMinimum"]:
            yield Error("exclusiveMinimum", schema["exclusiveMinimum"], instance, path, schema,
                        f"{instance!r} is less than or equal to the minimum of {schema['exclusiveMinimum']!r}")
        if "exclusiveMaximum" in schema and instance >= schema["exclusiveMaximum"]:
            yield Error("exclusiveMaximum", schema["exclusiveMaximum"], instance, path, schema,
                        f"{instance!r} is greater than or equal to the maximum of {schema['exclusiveMaximum']!r}")

    def _object(self, instance, schema, path):
        properties = schema.get("properties")
        if properties:
            for key, sub in properties.items():
                if key in instance:
                    yield from self.iter_errors(instance[key], sub, path + (key,))
        additional = schema.get("additionalProperties")
        if additional is not None:
            extras = [k for k in instance if not properties or k not in properties]
            if extras:
                if additional is False:
                    listed = ", ".join(repr(k) for k in extras)
                    verb = "was" if len(extras) == 1 else "were"
                    yield Error("additionalProperties", False, instance, path, schema,
                                f"Additional properties are not allowed ({listed} {verb} unexpected)")
                elif isinstance(additional, dict):
                    for key in extras:
                        yield from self.iter_errors(instance[key], additional, path + (key,))
        for name in schema.get("required", ()):
            if name not in instance:
                yield Error("required", schema["required"], instance, path, schema, f"{name!r} is a required property")
        if "minProperties" in schema and len(instance) < schema["minProperties"]:
            yield Error("minProperties", schema["minProperties"], instance, path, schema,
                        f"{_repr(instance)} should be non-empty" if schema["minProperties"] == 1 else f"{_repr(instance)} does not have enough properties")
        if "maxProperties" in schema and len(instance) > schema["maxProperties"]:
            yield Error("maxProperties", schema["maxProperties"], instance, path, schema, f"{_repr(instance)} has too many properties")

    def _array(self, instance, schema, path):
        if "minItems" in schema and len(instance) < schema["minItems"]:
            yield Error("minItems", schema["minItems"], instance, path, schema,
                        f"{_repr(instance)} should be non-empty" if schema["minItems"] == 1 else f"{_repr(instance)} is too short")
        if "maxItems" in schema and len(instance) > schema["maxItems"]:
            yield Error("maxItems", schema["maxItems"], instance, path, schema, f"{_repr(instance)} is too long")
        items = schema.get("items")
        if isinstance(items, dict) or isinstance(items, bool):
            for i, item in enumerate(instance):
                yield from self.iter_errors(item, items, path + (i,))

    def _resolve(self, ref: str):
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported, not {ref!r}")
        node = self.root
        for token in ref[2:].split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node


def _equal(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


# -- compiled validity tests ------------------------------------------------------------------
# The walk above builds every error with its path and message; most instances have none. Each
# schema node is compiled once into a closure that answers only "valid or not" with the keywords
# resolved in advance (no dictionary look-ups per keyword, a property table walked by the
# instance's keys, string enums as sets). It accepts exactly what the walk accepts, so the walk
# runs only on instances that have errors. Closures, never generated source: a custom rule's
# schema is data.

def _true(instance):
    return True


def _false(instance):
    return False


def _is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


_TYPE_TESTS = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": _TYPES["integer"],
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


#: a single ``type`` after which one family of keywords applies (integers are numbers)
_ONE_TYPE = {"string": "string", "number": "number", "integer": "number", "object": "object", "array": "array"}
#: types whose test is an isinstance (no bool-is-an-int exception)
_PLAIN_TYPES = {"string": str, "object": dict, "array": list, "boolean": bool, "null": type(None)}
_NOTES = {"description", "title", "$comment", "examples", "default"}


def _plain(schema):
    """The classes a schema that says only ``type`` (with notes) accepts, True for a schema that
    accepts anything, else None: property tables test those in line, without a call."""
    if schema is True or (isinstance(schema, dict) and not schema.keys() - _NOTES):
        return True
    if not isinstance(schema, dict) or schema.keys() - _NOTES != {"type"}:
        return None
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    if not kinds or not all(isinstance(k, str) and k in _PLAIN_TYPES for k in kinds):
        return None
    return tuple(_PLAIN_TYPES[k] for k in kinds)


def _all(tests):
    if not tests:
        return _true
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        a, b = tests
        return lambda v: a(v) and b(v)
    tests = tuple(tests)

    def every(v):
        for test in tests:
            if not test(v):
                return False
        return True
    return every


def compile_check(schema, resolve, cache: dict):
    """``test(instance) -> bool``: whether the walk would report no error for ``schema``."""
    if schema is True:
        return _true
    if schema is False:
        return _false
    found = cache.get(id(schema))
    if found is not None:
        return found
    if schema == {}:
        return _true
    # a reference may lead back here: the references compiled meanwhile call through this cell
    cell = []
    cache[id(schema)] = lambda v: cell[0](v)
    cache.setdefault("held", []).append(schema)  # keyed by id: keep the node alive so its id stays its own
    try:
        test = _compile(schema, resolve, cache)
    except BaseException:
        del cache[id(schema)]
        raise
    cell.append(test)
    cache[id(schema)] = test
    return test


def _compile(schema, resolve, cache):
    sub = lambda node: compile_check(node, resolve, cache)  # noqa: E731
    general = []
    if "$ref" in schema and schema["$ref"] is not None:
        general.append(sub(resolve(schema["$ref"])))
    kind = schema.get("type")
    type_test = None
    if kind is not None:
        kinds = kind if isinstance(kind, list) else [kind]
        tests = [_TYPE_TESTS[k] for k in kinds]
        type_test = tests[0] if len(tests) == 1 else (lambda v, tests=tuple(tests): any(t(v) for t in tests))
    if "enum" in schema:
        options = schema["enum"]
        if options and all(type(e) is str for e in options):
            words = frozenset(options)
            general.append(lambda v: isinstance(v, str) and v in words)
        else:
            options = list(options)
            general.append(lambda v: any(_equal(v, e) for e in options))
    if "const" in schema:
        const = schema["const"]
        general.append(lambda v: _equal(v, const))
    strings, numbers, objects, arrays = _string_tests(schema), _number_tests(schema), _object_tests(schema, sub), _array_tests(schema, sub)
    only = _ONE_TYPE.get(kind) if isinstance(kind, str) else None
    if only is not None:  # the type test passed first: only that type's keywords apply
        general.extend({"string": strings, "number": numbers, "object": objects, "array": arrays}[only])
    elif strings or numbers or objects or arrays:
        on_str, on_num, on_obj, on_arr = _all(strings), _all(numbers), _all(objects), _all(arrays)

        def by_type(v):
            if isinstance(v, str):
                return on_str(v)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return on_num(v)
            if isinstance(v, dict):
                return on_obj(v)
            if isinstance(v, list):
                return on_arr(v)
            return True
        general.append(by_type)
    for part in schema.get("allOf", ()):
        general.append(sub(part))
    if "anyOf" in schema:
        options = tuple(sub(part) for part in schema["anyOf"])
        general.append(lambda v: any(t(v) for t in options))
    if "oneOf" in schema:
        options = tuple(sub(part) for part in schema["oneOf"])
        general.append(lambda v: sum(1 for t in options if t(v)) == 1)
    if "not" in schema:
        negated = sub(schema["not"])
        general.append(lambda v: not negated(v))
    if "if" in schema:
        condition = sub(schema["if"])
        then = sub(schema["then"]) if "then" in schema else _true
        otherwise = sub(schema["else"]) if "else" in schema else _true
        general.append(lambda v: then(v) if condition(v) else otherwise(v))
    if type_test is not None:  # the walk stops at a type error: the other keywords see the right type
        rest = _all(general)
        if rest is _true:
            return type_test
        return lambda v: type_test(v) and rest(v)
    return _all(general)


def _length_tests(schema, least: str, most: str) -> list:
    """Tests of ``len(instance)`` against the bounds named ``least`` and ``most``."""
    tests = []
    if least in schema:
        low = schema[least]
        tests.append(lambda v: not len(v) < low)
    if most in schema:
        high = schema[most]
        tests.append(lambda v: not len(v) > high)
    return tests


def _string_tests(schema):
    tests = _length_tests(schema, "minLength", "maxLength")
    if "pattern" in schema:
        search = re.compile(schema["pattern"]).search
        tests.append(lambda v: search(v) is not None)
    return tests


def _number_tests(schema):
    tests = []
    if "minimum" in schema:
        low = schema["minimum"]
        tests.append(lambda v: not v < low)
    if "maximum" in schema:
        high = schema["maximum"]
        tests.append(lambda v: not v > high)
    if "exclusiveMinimum" in schema:
        low_x = schema["exclusiveMinimum"]
        tests.append(lambda v: not v <= low_x)
    if "exclusiveMaximum" in schema:
        high_x = schema["exclusiveMaximum"]
        tests.append(lambda v: not v >= high_x)
    return tests


def _object_tests(schema, sub):
    tests = []
    properties = schema.get("properties")
    table = {}  # key -> True (anything), a tuple of classes (isinstance), or a compiled test
    for key, node in (properties.items() if properties else ()):
        plain = _plain(node)
        table[key] = plain if plain is not None else sub(node)
    additional = schema.get("additionalProperties")
    if additional is not None and not isinstance(additional, dict) and additional is not False:
        additional = None  # the walk checks extras only against False or a schema object
    other = None if additional is None else (_false if additional is False else sub(additional))
    if table or other is not None:
        get = table.get

        def fields(v):
            for key, value in v.items():
                test = get(key)
                if test is None:
                    if other is not None and not other(value):
                        return False
                elif test is True:
                    continue
                elif test.__class__ is tuple:
                    if not isinstance(value, test):
                        return False
                elif not test(value):
                    return False
            return True
        tests.append(fields)
    required = tuple(schema.get("required", ()))
    if required:
        tests.append(lambda v: all(name in v for name in required))
    tests.extend(_length_tests(schema, "minProperties", "maxProperties"))
    return tests


def _array_tests(schema, sub):
    tests = _length_tests(schema, "minItems", "maxItems")
    items = schema.get("items")
    if isinstance(items, (dict, bool)):
        item_test = sub(items)
        if item_test is not _true:
            tests.append(lambda v: all(item_test(item) for item in v))
    return tests
