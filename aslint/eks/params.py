"""Validating an EKS task's parameters against its schema in ``schemas/eks/<api>.json``.

Both query languages are handled by one normalisation: in JSONPath ``Key.$`` becomes ``Key`` with
a DYNAMIC marker (so it satisfies ``required``), in JSONata a ``{% … %}`` string becomes DYNAMIC.
Schema errors on or under a DYNAMIC value are dropped: only literals are checked. Problems are
computed once per document (``doc.cache["eks.params"]``) and each rule module (EKS002 missing,
EKS003 unknown, EKS004 wrong type, EKS005 given twice) picks its own code.
"""

from __future__ import annotations

from aslint.core.nearest import close_matches
from aslint.core.record import dataclass

from aslint.asl.structure import describe
from aslint.eks.tasks import KNOWN_APIS, eks_tasks, is_expression
from aslint.core.pointer import escape

DYNAMIC = "\x00aslint-dynamic\x00"


@dataclass
class Problem:
    code: str
    pointer: str
    message: str
    target: str = "value"
    hint: str | None = None


def normalize(value, jsonata: bool, pointer: str = "", twice: list | None = None):
    """A copy of ``value`` with dynamic values replaced by DYNAMIC and ``Key.$`` keys renamed ``Key``.

    ``twice`` collects (pointer of the ``Key.$`` entry, Key) for keys given both ways (JSONPath).
    """
    return _normalize(value, jsonata, pointer, twice)


def _normalize(value, jsonata: bool, at, twice):
    """``at``: the pointer, or (parent's ``at``, key) — spelt out only for a key given twice."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not jsonata and isinstance(key, str) and key.endswith(".$") and len(key) > 2:
                base = key[:-2]
                if base in value:
                    if twice is not None:
                        twice.append((f"{_spell(at)}/{escape(key)}", base))
                    continue
                out[base] = DYNAMIC
            elif isinstance(item, (dict, list)):
                out[key] = _normalize(item, jsonata, (at, key), twice)
            else:
                out[key] = DYNAMIC if jsonata and is_expression(item) else item
        return out
    if isinstance(value, list):
        return [_normalize(item, jsonata, (at, i), twice) if isinstance(item, (dict, list))
                else DYNAMIC if jsonata and is_expression(item) else item
                for i, item in enumerate(value)]
    if jsonata and is_expression(value):
        return DYNAMIC
    return value


def _spell(at) -> str:
    keys = []
    while isinstance(at, tuple):
        at, key = at
        keys.append(escape(key))
    return at + "".join("/" + k for k in reversed(keys))


def original_pointer(data, base: str, path) -> str:
    """Map a path in the normalised copy back to a pointer into the original (``Key`` or ``Key.$``)."""
    pointer, node = base, data
    for seg in path:
        if isinstance(node, dict):
            key = seg if seg in node or (str(seg) + ".$") not in node else str(seg) + ".$"
            pointer += "/" + escape(key)
            node = node.get(key)
        elif isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
            pointer += f"/{seg}"
            node = node[seg]
        else:
            pointer += "/" + escape(seg)
            node = None
    return pointer


def _under_dynamic(norm, path) -> bool:
    node = norm
    if node == DYNAMIC:
        return True
    for seg in path:
        try:
            node = node[seg]
        except (KeyError, IndexError, TypeError):
            return False
        if node == DYNAMIC:
            return True
    return False


def _where(path) -> str:
    parts = [p for p in path]
    return "" if not parts else " of " + ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in parts).replace(".[", "[")


def _json_type(value) -> str:
    """The value's JSON type for a message (EKS wording says 'a list' where ASL says 'an array')."""
    return "a list" if isinstance(value, list) else describe(value)


_ARTICLE = {"string": "a string", "object": "an object", "array": "a list", "integer": "an integer",
            "number": "a number", "boolean": "a boolean (true/false)", "null": "null"}


def did_you_mean(key: str, known) -> str | None:
    known = list(known)
    for name in known:
        if name.lower() == str(key).lower():
            return name
    close = close_matches(str(key), known, n=1, cutoff=0.6)
    return close[0] if close else None


_VALIDATORS: dict = {}


def _validator(api: str):
    found = _VALIDATORS.get(api)
    if found is None:
        from aslint.core.schemas import validator_for

        found = _VALIDATORS[api] = validator_for(f"eks/{api}.json")
    return found


def _problems_for(task) -> list:
    out = []
    if task.params is None:
        return out
    twice: list = []
    jsonata = task.jsonata
    norm = _normalize(task.params, jsonata, task.params_pointer, twice)
    for pointer, base in twice:
        out.append(Problem("EKS005", pointer,
                           f"'{base}' is given twice in {task.params_field}, as '{base}' and '{base}.$', so one value is lost",
                           "key", f"Keep one: '{base}' for a literal or '{base}.$' for a path"))
    if task.api not in KNOWN_APIS:
        return out
    errors = list(_validator(task.api).iter_errors(norm))
    if not errors:
        return out
    api = f"eks:{task.api}"
    # a misspelt required field is reported once, as unknown with its did-you-mean, not also as missing
    misspelt = set()
    for err in errors:
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            props = err.schema.get("properties", {})
            for key in err.instance:
                if key not in props:
                    guess = did_you_mean(key, props)
                    if guess and guess not in err.instance:
                        misspelt.add((tuple(err.absolute_path), guess))
    for err in errors:
        path = list(err.absolute_path)
        if _under_dynamic(norm, path):
            continue
        pointer = original_pointer(task.params, task.params_pointer, path)
        where = _where(path)
        if err.validator == "required":
            present = err.instance if isinstance(err.instance, dict) else {}
            for name in err.validator_value:
                if name in present or (tuple(path), name) in misspelt:
                    continue
                how = f"a literal or '{name}.$' with a path" if not task.jsonata else "a literal or a {% … %} expression"
                out.append(Problem("EKS002", pointer,
                                   f"{api} requires '{name}'{where} in {task.params_field}", "key", f"Add '{name}' ({how})"))
        elif err.validator == "additionalProperties" and isinstance(err.instance, dict):
            props = err.schema.get("properties", {})
            for key in err.instance:
                if key in props:
                    continue
                guess = did_you_mean(key, props)
                raw_ptr = original_pointer(task.params, task.params_pointer, path + [key])
                near = f" (did you mean '{guess}'?)" if guess else ""
                case = " (parameters are PascalCase)" if guess and guess.lower() == str(key).lower() else ""
                known = ", ".join(sorted(props))
                out.append(Problem("EKS003", raw_ptr, f"'{str(key)[:40]}' is not a parameter{where} of {api}{near}{case}", "key",
                                   f"Rename it to '{guess}'" if guess else
                                   f"Remove it or rename it to a parameter of {api}" + (f" ({known})" if len(known) < 140 else "")))
        elif err.validator in ("type", "enum"):
            name = ".".join(str(p) for p in path) or task.params_field
            if err.validator == "type":
                types = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
                want = " or ".join(_ARTICLE.get(t, t) for t in types)
                out.append(Problem("EKS004", pointer, f"'{name}' of {api} must be {want}, not {_json_type(err.instance)}",
                                   hint=f"Give {want}"))
            else:
                values = ", ".join(str(v) for v in err.validator_value)
                out.append(Problem("EKS004", pointer, f"'{name}' of {api} is {str(err.instance)[:40]!r}, not an allowed value",
                                   hint=f"Use one of {values}"))
        elif err.validator in ("maxItems", "minItems", "maxProperties", "minProperties"):
            name = ".".join(str(p) for p in path) or task.params_field
            n = len(err.instance) if hasattr(err.instance, "__len__") else "?"
            bound = "at most" if err.validator.startswith("max") else "at least"
            out.append(Problem("EKS004", pointer, f"'{name}' of {api} has {n} entries, but EKS accepts {bound} {err.validator_value}",
                               hint=f"Give {bound} {err.validator_value} entries"))
    return out


def problems(doc) -> list:
    """Every schema problem of every EKS task of ``doc`` (cached)."""
    cached = doc.cache.get("eks.params")
    if cached is None:
        cached = []
        seen = set()
        for task in eks_tasks(doc):
            for problem in _problems_for(task):
                key = (problem.code, problem.pointer, problem.message)
                if key not in seen:  # jsonschema reports 'required' once per missing name
                    seen.add(key)
                    cached.append(problem)
        doc.cache["eks.params"] = cached
    return cached
