"""What a parsed document is, decided by its content (never by its name alone).

Each family registers a recognizer; the first that says yes names the document's kind. A kind may
also have an extractor that pulls embedded documents out (definitions inside templates).
"""

from __future__ import annotations

from typing import Callable

RECOGNIZERS: list[tuple[str, Callable]] = []
EXTRACTORS: dict[str, Callable] = {}


def recognizer(kind: str, order: int = 50):
    def register(fn):
        RECOGNIZERS.append((kind, fn, order))
        RECOGNIZERS.sort(key=lambda item: item[2])
        return fn

    return register


def extractor(kind: str):
    def register(fn):
        EXTRACTORS[kind] = fn
        return fn

    return register


def classify(data) -> str | None:
    for kind, fn, _ in RECOGNIZERS:
        try:
            if fn(data):
                return kind
        except Exception:  # a recognizer must never break a run
            continue
    return None


@recognizer("asl", order=10)
def is_state_machine(data) -> bool:
    return isinstance(data, dict) and "StartAt" in data and isinstance(data.get("States"), dict)


def load_families():
    """Import the modules that register further kinds (lazily, once)."""
    import importlib
    import pkgutil

    import aslint.kinds_ext as ext

    for info in pkgutil.iter_modules(ext.__path__):
        importlib.import_module(f"aslint.kinds_ext.{info.name}")
