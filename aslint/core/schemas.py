"""JSON Schema validators from ``schemas/``, compiled once per process (jsonschema is imported lazily)."""

from __future__ import annotations

import functools
import json
from pathlib import Path


@functools.lru_cache(maxsize=None)
def validator_for(relative: str, base_dir: Path | None = None):
    """A validator for a schema file: aslint's fast one when it covers the schema's keywords
    (every schema aslint ships), else jsonschema with every bundled schema registered by $id."""
    from aslint.core import minischema
    from aslint.core.resources import data_dir

    root = data_dir("schemas")
    path = (base_dir / relative) if base_dir is not None and (base_dir / relative).is_file() else root / relative
    with open(path, encoding="utf-8") as handle:
        schema = json.load(handle)
    if minischema.supported(schema):
        return minischema.Validator(schema)
    return _jsonschema_validator(schema, root)


def _jsonschema_validator(schema, root):
    import jsonschema
    from referencing import Registry, Resource

    resources = []
    for other in root.rglob("*.json"):
        try:
            with open(other, encoding="utf-8") as handle:
                doc = json.load(handle)
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict) and "$id" in doc:
            resources.append((doc["$id"], Resource.from_contents(doc)))
    registry = Registry().with_resources(resources)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry)
