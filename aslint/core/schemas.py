"""JSON Schema validators from ``schemas/``, compiled once per process (jsonschema is imported lazily)."""

from __future__ import annotations

import functools
import json
import os


@functools.lru_cache(maxsize=None)
def validator_for(relative: str, base_dir=None):
    """A validator for a schema file: aslint's fast one when it covers the schema's keywords
    (every schema aslint ships), else jsonschema with every bundled schema registered by $id."""
    from aslint.core import minischema
    from aslint.core.resources import data_folder

    root = data_folder("schemas")
    path, user = os.path.join(root, relative), False
    if base_dir is not None:  # a custom rule's schema, beside its rule file
        from pathlib import Path

        beside = Path(base_dir) / relative
        if beside.exists():
            path, user = beside, True
    if user or not os.path.isfile(path):
        schema = _user_schema(path)
    else:
        with open(path, encoding="utf-8") as handle:
            schema = json.load(handle)
    if minischema.supported(schema):
        return minischema.Validator(schema)
    return _jsonschema_validator(schema, root)


def _user_schema(path):
    """A custom rule's schema file, checked as a schema (a ConfigError says what is wrong)."""
    from aslint.core.config import read_limited
    from aslint.core.settings import ConfigError

    text = read_limited(path, "custom schema")
    try:
        schema = json.loads(text)
    except RecursionError:
        raise ConfigError(f"custom schema {path}: nests too deeply to be read") from None
    except ValueError as err:
        raise ConfigError(f"custom schema {path}: not JSON ({err})") from None
    if not isinstance(schema, (dict, bool)):
        raise ConfigError(f"custom schema {path}: a JSON Schema is an object (or true/false), not a {type(schema).__name__}")
    import jsonschema

    try:
        jsonschema.validators.validator_for(schema).check_schema(schema)
    except jsonschema.exceptions.SchemaError as err:
        raise ConfigError(f"custom schema {path}: not a valid JSON Schema ({err.message[:150]})") from None
    return schema


def _jsonschema_validator(schema, root):
    import jsonschema

    from pathlib import Path

    bundled = {}
    for other in Path(root).rglob("*.json"):
        try:
            with open(other, encoding="utf-8") as handle:
                doc = json.load(handle)
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict) and "$id" in doc:
            bundled[doc["$id"]] = doc
    cls = jsonschema.validators.validator_for(schema)
    try:
        from referencing import Registry, Resource  # jsonschema >= 4.18
    except ImportError:  # jsonschema 4.17 (the declared floor) resolves $ref with RefResolver
        return cls(schema, resolver=jsonschema.RefResolver.from_schema(schema, store=bundled))
    registry = Registry().with_resources([(uri, Resource.from_contents(doc)) for uri, doc in bundled.items()])
    return cls(schema, registry=registry)
