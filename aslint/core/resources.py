"""Where the bundled data lives: inside the wheel (aslint/_data) or beside the package in a checkout."""

from __future__ import annotations

import functools
import os

_HERE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the aslint package


@functools.lru_cache(maxsize=None)
def data_folder(name: str) -> str:
    """The folder ``schemas`` or ``rules`` (a path string: a run needs no pathlib)."""
    installed = os.path.join(_HERE, "_data", name)
    if os.path.isdir(installed):
        return installed
    checkout = os.path.join(os.path.dirname(_HERE), name)
    if os.path.isdir(checkout):
        return checkout
    raise FileNotFoundError(f"aslint's bundled {name}/ folder is missing (looked in {installed} and {checkout})")


def data_dir(name: str):
    """``data_folder(name)`` as a :class:`pathlib.Path`."""
    from pathlib import Path

    return Path(data_folder(name))


def data_file(name: str, *parts: str) -> str:
    """A file of the bundled ``schemas`` or ``rules`` folder."""
    return os.path.join(data_folder(name), *parts)


@functools.lru_cache(maxsize=None)
def schema(relative: str) -> dict:
    """A JSON Schema from ``schemas/``, parsed once per process."""
    import json

    with open(data_file("schemas", relative), encoding="utf-8") as handle:
        return json.load(handle)
