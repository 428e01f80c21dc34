"""Where the bundled data lives: inside the wheel (aslint/_data) or beside the package in a checkout."""

from __future__ import annotations

import functools
from pathlib import Path

_HERE = Path(__file__).resolve().parent.parent  # the aslint package


@functools.lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """``schemas`` or ``rules``."""
    installed = _HERE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _HERE.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"aslint's bundled {name}/ folder is missing (looked in {installed} and {checkout})")


@functools.lru_cache(maxsize=None)
def schema(relative: str) -> dict:
    """A JSON Schema from ``schemas/``, parsed once per process."""
    import json

    with open(data_dir("schemas") / relative, encoding="utf-8") as handle:
        return json.load(handle)
