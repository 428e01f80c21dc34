"""What a repeated key means in each format (ASL002's message), said once for the core."""

from __future__ import annotations

import json

_DECODER = json.JSONDecoder()


def _json_value_after(text: str, key_end: int):
    """The JSON value that follows the key ending at ``key_end`` (after the ':'), or a marker when unreadable."""
    i = text.find(":", key_end)
    if i < 0:
        return _UNREADABLE
    i += 1
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    try:
        return _DECODER.raw_decode(text, i)[0]
    except ValueError:
        return _UNREADABLE


_UNREADABLE = object()


def describe(doc, pointer: str, repeat, first) -> tuple[str, str, str | None]:
    """(message, hint, severity) for the key at ``pointer`` repeated at span ``repeat`` after ``first``.

    The severity is None (the rule's: error) where AWS rejects the document: a JSON definition that
    names a state twice (DUPLICATE_STATE_NAME), or other JSON keys whose values differ. In YAML the
    loaders that CloudFormation and SAM users deploy with keep the last value, and deployed samples
    repeat keys, so it is a warning; so is a repeat with the same value, where nothing is lost."""
    key = pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
    shown = key if len(key) <= 40 else key[:39] + "…"
    in_states = pointer.rsplit("/", 2)[-2:-1] == ["States"]
    if doc.format == "json":
        same = False
        a = _json_value_after(doc.text, first.key[1])
        if a is not _UNREADABLE:
            same = a == _json_value_after(doc.text, repeat.key[1])
        if in_states:
            message = f"duplicate key '{shown}': a state defined twice, which Step Functions rejects (DUPLICATE_STATE_NAME)"
        elif same:
            message = f"duplicate key '{shown}' with the same value twice; strict JSON readers reject it"
        else:
            message = f"duplicate key '{shown}': most JSON readers keep only the last value, strict ones reject it"
    else:
        message = f"duplicate key '{shown}': YAML does not allow it; loaders that accept it keep only the last value"
        if in_states:
            message = f"duplicate key '{shown}': a state defined twice; YAML does not allow it, and a loader keeps only the last"
    severity = None if doc.format == "json" and (in_states or not same) else "warning"
    return message, "Remove or rename one of them", severity
