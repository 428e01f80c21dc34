"""Rule options, declared once with their types in the rule doc's front matter::

    options:
      warn-share: {type: number, default: 0.5, minimum: 0, maximum: 1, description: "..."}

The engine hands a rule its defaults merged with the configuration's ``[rules.CODE]`` table;
an unknown key or a value of the wrong type there is a configuration error.
"""

from __future__ import annotations

TYPES = {"number": (int, float), "integer": (int,), "boolean": (bool,), "string": (str,), "array": (list,)}
SPEC_KEYS = {"type", "default", "minimum", "maximum", "description"}


def defaults(spec: dict) -> dict:
    return {name: entry.get("default") for name, entry in spec.items()}


def value_problem(name: str, value, entry: dict) -> str | None:
    """Why ``value`` does not fit option ``name``'s declaration, or None."""
    kind = entry.get("type", "string")
    wanted = TYPES[kind]
    if isinstance(value, bool) and kind != "boolean" or not isinstance(value, wanted):
        return f"option '{name}' must be {'an' if kind[0] in 'aeiou' else 'a'} {kind}, not {type(value).__name__} {value!r}"
    if "minimum" in entry and value < entry["minimum"]:
        return f"option '{name}' must be at least {entry['minimum']}, not {value!r}"
    if "maximum" in entry and value > entry["maximum"]:
        return f"option '{name}' must be at most {entry['maximum']}, not {value!r}"
    return None


def problems(code: str, given: dict, spec: dict) -> list:
    """What is wrong with the configuration's options for ``code`` (unknown keys, wrong types)."""
    from difflib import get_close_matches

    found = []
    for name, value in given.items():
        entry = spec.get(name)
        if entry is None:
            near = get_close_matches(str(name), list(spec), n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            known = f"; its options: {', '.join(sorted(spec))}" if spec else f"; {code} has no options"
            found.append(f"rules.{code}: unknown option '{name}'{hint}{known}")
            continue
        problem = value_problem(name, value, entry)
        if problem:
            found.append(f"rules.{code}: {problem}")
    return found


def spec_problems(spec) -> list:
    """What is wrong with a doc's ``options`` declaration itself (for the rule-doc tests)."""
    if not isinstance(spec, dict):
        return ["options must be a mapping of option name to declaration"]
    found = []
    for name, entry in spec.items():
        if not isinstance(entry, dict) or "default" not in entry or entry.get("type") not in TYPES:
            found.append(f"option '{name}' needs a type ({', '.join(TYPES)}) and a default")
            continue
        if set(entry) - SPEC_KEYS:
            found.append(f"option '{name}' has unknown keys {sorted(set(entry) - SPEC_KEYS)}")
        if not entry.get("description"):
            found.append(f"option '{name}' needs a description")
        problem = value_problem(name, entry["default"], entry)
        if problem:
            found.append(f"default: {problem}")
    return found


def markdown(code: str, spec: dict) -> str:
    """The '## Options' section of ``aslint rule CODE`` and SARIF help, from the declaration."""
    lines = ["## Options", f"Set in the configuration under `[rules.{code}]` (`[tool.aslint.rules.{code}]` in pyproject.toml).", ""]
    for name, entry in spec.items():
        bounds = []
        if "minimum" in entry:
            bounds.append(f">= {entry['minimum']}")
        if "maximum" in entry:
            bounds.append(f"<= {entry['maximum']}")
        extra = f", {' and '.join(bounds)}" if bounds else ""
        lines.append(f"- `{name}` ({entry['type']}, default {entry['default']!r}{extra}): {entry.get('description', '')}")
    return "\n".join(lines)
