"""Declarative rules: a JSONPath selection, optional filters, and one function — data, not code.

Built-in rules may state their check in their ``rules/CODE.md`` front matter; users write the same
vocabulary in YAML files listed under ``extra-rules`` in the configuration::

    rules:
      - code: ORG001
        name: runjob-without-namespace
        severity: warning
        summary: Every runJob names its Kubernetes namespace
        message: "runJob in state {state} does not set Namespace; it runs in 'default'"
        check:
          given: states                     # every state at any depth, or a JSONPath such as $.States.*
          where:
            - field: Resource
              pattern: ":eks:runJob"
          then:
            field: [Parameters.Namespace, Arguments.Namespace]
            function: defined

Functions: defined, undefined, truthy, pattern (match / notMatch), enum (values), type (type),
length (min / max), schema (schema: a file in schemas/ or beside the rule file).
A field path is dotted; in a JSONPath payload template ``Key`` also finds ``Key.$`` (a dynamic
value satisfies ``defined`` and is skipped by the value checks).
"""

from __future__ import annotations

import functools
import re

from aslint.core.finding import Finding
from aslint.core.pointer import escape
from aslint.core.rule import Rule
from aslint.core.settings import ConfigError

FUNCTIONS = ("defined", "undefined", "truthy", "pattern", "enum", "type", "length", "schema")
_DYNAMIC = object()


@functools.lru_cache(maxsize=None)
def _jsonpath(expr: str):
    from jsonpath_ng.ext import parse

    return parse(expr)


@functools.lru_cache(maxsize=None)
def _regex(pattern: str):
    return re.compile(pattern)


def _pointer_of(match) -> str:
    tokens = []
    node = match
    while node is not None and node.context is not None:
        path = node.path
        if hasattr(path, "fields"):
            tokens.append(escape(path.fields[0]))
        elif hasattr(path, "index"):
            tokens.append(str(path.index))
        node = node.context
    return "".join("/" + t for t in reversed(tokens))


def _lookup(node, pointer: str, dotted: str):
    """(value, pointer) for a dotted field below node; value is _DYNAMIC for a 'Key.$' entry."""
    value, ptr = node, pointer
    parts = dotted.split(".") if dotted else []
    for i, part in enumerate(parts):
        if not isinstance(value, dict):
            return None, None
        if part in value:
            value, ptr = value[part], ptr + "/" + escape(part)
        elif part + ".$" in value:
            return (_DYNAMIC, ptr + "/" + escape(part + ".$"))
        elif isinstance(value.get(part), str) and value[part].startswith("{%"):
            return (_DYNAMIC, ptr + "/" + escape(part))
        else:
            return None, None
        if isinstance(value, str) and value.strip().startswith("{%") and i < len(parts) - 1:
            return (_DYNAMIC, ptr)
    return value, ptr


_TYPES = {"string": str, "number": (int, float), "integer": int, "boolean": bool, "object": dict, "array": list, "null": type(None)}


#: ``given`` names a family defines (``states``: every state of a definition): name ->
#: fn(doc) yielding (node, pointer, state name or None); registered by the family's kind module
SELECTORS: dict = {}


def selector(name: str):
    def register(fn):
        SELECTORS[name] = fn
        return fn

    return register


#: what a rule's message may name in braces
PLACEHOLDERS = ("state", "field", "value", "problem")
#: a 'given' JSONPath longer than this is refused (jsonpath-ng's parser is slow on long unions)
MAX_GIVEN = 1000
#: the widest a placeholder may be padded to in a message ({state:>20})
MAX_WIDTH = 200


class DeclarativeRule(Rule):
    def __init__(self, code: str, spec: dict, message: str, base_dir=None):
        self.code = code
        self.spec = spec
        kinds = spec.get("kinds", ("asl",))
        if isinstance(kinds, str) or not isinstance(kinds, (list, tuple)) or not all(isinstance(k, str) for k in kinds):
            raise ConfigError(f"rule {code}: 'kinds' must be a list of kinds such as [asl], not {kinds!r}"[:300])
        self.kinds = tuple(kinds)
        self.message = message
        self.base_dir = base_dir
        self._validate()

    def _validate(self):
        """Every mistake a custom rule can hold is found here, when the configuration is read
        (exit 2), not as an internal error on every file linted."""
        then = self.spec.get("then")
        if not isinstance(then, dict) or then.get("function") not in FUNCTIONS:
            raise ConfigError(f"rule {self.code}: 'then.function' must be one of {', '.join(FUNCTIONS)}")
        given = self.spec.get("given", "$")
        if not isinstance(given, str):
            raise ConfigError(f"rule {self.code}: 'given' must be 'states', '$' or a JSONPath string")
        if given not in SELECTORS and given != "$":
            if len(given) > MAX_GIVEN:
                raise ConfigError(f"rule {self.code}: 'given' is {len(given):,} characters; aslint takes JSONPaths of up to {MAX_GIVEN:,}")
            try:
                _jsonpath(given)
            except Exception as err:
                raise ConfigError(f"rule {self.code}: 'given' is not a valid JSONPath ({err})") from None
        from aslint.catalog.user_regex import compile_user_regex

        for i, cond in enumerate(self.spec.get("where") or ()):
            if isinstance(cond, dict) and "pattern" in cond:
                compile_user_regex(cond["pattern"], f"rule {self.code}: where[{i}].pattern")
        opts = then.get("functionOptions") or {}
        if isinstance(opts, dict):
            for key in ("match", "notMatch"):
                if key in opts:
                    compile_user_regex(opts[key], f"rule {self.code}: functionOptions.{key}")
            if then["function"] == "schema":
                self._check_schema(opts.get("schema"))
        self._check_message()

    def _check_message(self):
        import string

        try:
            parts = list(string.Formatter().parse(self.message))
        except ValueError as err:
            raise ConfigError(f"rule {self.code}: the message is not a valid template ({err}); write braces as {{{{ and }}}}") from None
        for _, name, spec, _ in parts:
            if name is None:
                continue
            if name not in PLACEHOLDERS:
                raise ConfigError(f"rule {self.code}: the message names {{{name}}}"[:200]
                                  + f", which is no placeholder; use {', '.join('{' + p + '}' for p in PLACEHOLDERS)}")
            widths = [int(n) for n in re.findall(r"\d+", spec or "")]
            if any(w > MAX_WIDTH for w in widths) or "{" in (spec or ""):
                raise ConfigError(f"rule {self.code}: the message pads {{{name}}} wider than {MAX_WIDTH} characters")

    def _check_schema(self, ref):
        from aslint.core.schemas import validator_for

        if not isinstance(ref, str):
            raise ConfigError(f"rule {self.code}: functionOptions.schema must name a JSON Schema file")
        try:
            validator_for(ref, self.base_dir)
        except ConfigError as err:
            raise ConfigError(f"rule {self.code}: {err}") from None

    def _selected(self, ctx):
        given = self.spec.get("given", "$")
        if given in SELECTORS:
            from aslint.core.kinds import load_families

            load_families()
            yield from SELECTORS[given](ctx.doc)
            return
        if given == "$":
            yield ctx.data, "", None
            return
        for match in _jsonpath(given).find(ctx.data):
            yield match.value, _pointer_of(match), None

    def _where(self, node, pointer) -> bool:
        for cond in self.spec.get("where", ()) or ():
            value, _ = _lookup(node, pointer, cond.get("field", ""))
            if "pattern" in cond and not (isinstance(value, str) and _regex(cond["pattern"]).search(value)):
                return False
            if "equals" in cond and value != cond["equals"]:
                return False
            if cond.get("defined") is True and value is None:
                return False
            if cond.get("defined") is False and value is not None:
                return False
        return True

    def check(self, ctx):
        then = self.spec["then"]
        fields = then.get("field", "")
        fields = fields if isinstance(fields, list) else [fields]
        function = then["function"]
        opts = then.get("functionOptions", {}) or {}
        for node, pointer, state in self._selected(ctx):
            if not self._where(node, pointer):
                continue
            value = ptr = None
            for dotted in fields:
                value, ptr = _lookup(node, pointer, dotted)
                if value is not None:
                    break
            where = ptr if ptr is not None else pointer
            for problem in self._apply(function, opts, value, where):
                message = self.message.format(state=state or "", field=fields[0], value=value if value is not _DYNAMIC else "(dynamic)", problem=problem)
                yield Finding(where, message, target="key" if function == "undefined" else "value")

    def _apply(self, function, opts, value, ptr):
        if function == "defined":
            if value is None:
                yield "missing"
            return
        if function == "undefined":
            if value is not None:
                yield "present"
            return
        if value is None or value is _DYNAMIC:
            return
        if function == "truthy" and not value:
            yield "empty"
        elif function == "pattern" and isinstance(value, str):
            if "match" in opts and not _regex(opts["match"]).search(value):
                yield f"does not match {opts['match']}"
            if "notMatch" in opts and _regex(opts["notMatch"]).search(value):
                yield f"matches {opts['notMatch']}"
        elif function == "enum" and value not in opts.get("values", []):
            yield f"not one of {opts.get('values')}"
        elif function == "type" and not _is_type(value, opts.get("type")):
            yield f"not of type {opts.get('type')}"
        elif function == "length" and hasattr(value, "__len__"):
            if "max" in opts and len(value) > opts["max"]:
                yield f"longer than {opts['max']}"
            if "min" in opts and len(value) < opts["min"]:
                yield f"shorter than {opts['min']}"
        elif function == "schema":
            yield from _schema_errors(opts["schema"], value, self.base_dir)


def _is_type(value, name) -> bool:
    expected = _TYPES.get(name)
    if expected is None:
        return True
    if name in ("number", "integer") and isinstance(value, bool):
        return False
    return isinstance(value, expected)


def _schema_errors(schema_ref: str, value, base_dir):
    from aslint.core.schemas import validator_for

    for err in validator_for(schema_ref, base_dir).iter_errors(value):
        yield err.message


def build_rules(docs: dict) -> dict:
    rules = {}
    codes = docs.declarative() if hasattr(docs, "declarative") else list(docs)
    for code in codes:
        doc = docs[code]
        if doc.check:
            spec = dict(doc.check)
            message = spec.pop("message", doc.summary)
            rules[code] = DeclarativeRule(code, spec, message)
    return rules


RULE_KEYS = ("code", "name", "severity", "summary", "message", "check")
CHECK_KEYS = ("given", "where", "then", "kinds")
THEN_KEYS = ("field", "function", "functionOptions")
WHERE_KEYS = ("field", "pattern", "equals", "defined")
#: the functionOptions each function takes
FUNCTION_OPTIONS = {"defined": (), "undefined": (), "truthy": (), "pattern": ("match", "notMatch"), "enum": ("values",),
                    "type": ("type",), "length": ("min", "max"), "schema": ("schema",)}


def _unknown_keys(where: str, mapping: dict, allowed) -> None:
    from difflib import get_close_matches

    for key in mapping:
        if key not in allowed:
            near = get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise ConfigError(f"{where}: unknown key '{key}'{hint}; known: {', '.join(allowed)}")


def check_rule_shape(path: str, code: str, item: dict) -> None:
    """Every key of a custom rule is one aslint reads, and each function option sits under
    ``then.functionOptions`` (a misplaced or misspelt key would otherwise be silently ignored)."""
    where = f"extra-rules file {path}: {code}"
    _unknown_keys(where, item, RULE_KEYS)
    check = item["check"]
    _unknown_keys(f"{where}: check", check, CHECK_KEYS)
    then = check.get("then")
    if isinstance(then, dict):
        function = then.get("function")
        options = FUNCTION_OPTIONS.get(function, ())
        for key in then:
            if key not in THEN_KEYS and key in {o for opts in FUNCTION_OPTIONS.values() for o in opts}:
                raise ConfigError(f"{where}: '{key}' is a function option: put it under then.functionOptions "
                                  f"(then: {{function: {function}, functionOptions: {{{key}: ...}}}})")
        _unknown_keys(f"{where}: check.then", then, THEN_KEYS)
        given = then.get("functionOptions")
        if given is not None:
            if not isinstance(given, dict):
                raise ConfigError(f"{where}: check.then.functionOptions must be a mapping of options")
            for key in given:
                if key not in options:
                    takes = f"takes {', '.join(options)}" if options else "takes no options"
                    raise ConfigError(f"{where}: function '{function}' has no option '{key}' ({function} {takes})")
            if function == "schema" and not isinstance(given.get("schema"), str):
                raise ConfigError(f"{where}: functionOptions.schema must name a JSON Schema file (relative to "
                                  "the rule file's folder), not hold the schema inline")
        elif options and function in ("pattern", "enum", "type", "length", "schema"):
            raise ConfigError(f"{where}: function '{function}' needs then.functionOptions ({', '.join(options)})")
    for i, cond in enumerate(check.get("where") or ()):
        if isinstance(cond, dict):
            _unknown_keys(f"{where}: check.where[{i}]", cond, WHERE_KEYS)
        else:
            raise ConfigError(f"{where}: check.where[{i}] must be a mapping (field: ..., pattern: ...)")


def load_rule_files(path: str, known_docs: dict):
    """User rules from a YAML file: returns (docs, rules)."""
    from aslint.catalog.ruledocs import CODE_RE, RuleDoc
    from aslint.core.config import read_limited, read_yaml

    data = read_yaml(read_limited(path, "extra-rules file"), f"extra-rules file {path}")
    items = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ConfigError(f"extra-rules file {path}: expected a top-level 'rules:' list")
    docs, rules = {}, {}
    for item in items:
        if not isinstance(item, dict) or not CODE_RE.match(str(item.get("code", ""))):
            raise ConfigError(f"extra-rules file {path}: each rule needs a code like ORG001 (letters then three digits)")
        code = item["code"]
        if code in known_docs:
            raise ConfigError(f"extra-rules file {path}: {code} is already a rule code")
        severity = item.get("severity", "warning")
        if severity not in ("error", "warning", "info"):
            raise ConfigError(f"extra-rules file {path}: {code} severity must be error, warning or info")
        docs[code] = RuleDoc(code=code, name=str(item.get("name", code.lower())), severity=severity,
                             summary=str(item.get("summary", "")), check=item.get("check"), source=path)
        if not isinstance(item.get("check"), dict):
            raise ConfigError(f"extra-rules file {path}: {code} needs a 'check' mapping")
        check_rule_shape(path, code, item)
        from pathlib import Path

        rules[code] = DeclarativeRule(code, item["check"], str(item.get("message", item.get("summary", code))), Path(path).parent)
    return docs, rules
