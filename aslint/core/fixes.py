"""Turning a rule's ValueFix into a text edit that keeps every other byte of the file as it was."""

from __future__ import annotations

from aslint.core import lazyre
import json

from aslint.core.finding import Edit, ValueFix
from aslint.core.positions import AliasSpan

#: a YAML node's properties before its value: anchors and tags
_PROPERTIES = lazyre.compile(r"(?:[&!][^\s]*\s+)+")
_PLAIN_SAFE = lazyre.compile(r"^[A-Za-z0-9_./@=+-][A-Za-z0-9_./@=+:-]*$")


def to_edit(doc, fix: ValueFix) -> Edit | None:
    """The edit in the root file's text, or None when it cannot be placed exactly."""
    start, end = doc.span(fix.pointer, "value")
    span = doc.spans.get(fix.pointer)
    if span is None or isinstance(span, AliasSpan):
        return None
    raw = doc.text[start:end]
    if doc.format == "yaml":
        props = _PROPERTIES.match(raw)
        if props:  # '&anchor ' stays; a '!tag' gives the written value another meaning: not fixed
            if "!" in props.group():
                return None
            start, raw = start + props.end(), raw[props.end():]
        if raw[:1] in ("|", ">") and fix.substring is None:
            raw = raw.rstrip()  # a block scalar's span ends after its line break: keep that
            end = start + len(raw)
    if fix.substring is not None:
        edit = _substring_edit(doc, raw, start, fix)
    else:
        edit = Edit(start, end, _render(doc, raw, fix.value))
    if edit is None:
        return None
    return _to_root(doc, edit)


def _render(doc, raw: str, value) -> str:
    if doc.format == "json" or not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if raw.startswith("'"):
        return "'" + value.replace("'", "''") + "'"
    if raw.startswith('"'):
        return json.dumps(value, ensure_ascii=False)
    return value if _PLAIN_SAFE.match(value) else json.dumps(value, ensure_ascii=False)


def _substring_edit(doc, raw: str, start: int, fix: ValueFix) -> Edit | None:
    """Replace characters [a, b) of the decoded string when they sit verbatim in the raw text."""
    a, b = fix.substring
    from aslint.core.pointer import resolve

    decoded = resolve(doc.data, fix.pointer)
    if not isinstance(decoded, str):
        return None
    old = decoded[a:b]
    # offset of the decoded text inside the raw token: quotes are one character in JSON and YAML
    inner = 1 if raw[:1] in ("'", '"') else 0
    body = raw[inner:len(raw) - inner] if inner else raw
    if body == decoded:
        return Edit(start + inner + a, start + inner + b, fix.value)
    # escapes or folding: place it only when the old text occurs exactly once in the raw token
    if old and body.count(old) == 1 and "\\" not in old:
        at = body.index(old)
        return Edit(start + inner + at, start + inner + at + len(old), fix.value)
    return None


def _to_root(doc, edit: Edit) -> Edit | None:
    if doc.host is None:
        return edit
    mapped = doc.to_host(edit.start, edit.end) if doc.to_host else None
    if mapped is None or doc.host.text[mapped[0]:mapped[1]] != doc.text[edit.start:edit.end]:
        return None
    return _to_root(doc.host, Edit(mapped[0], mapped[1], edit.text))


def apply(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (later ones first); an edit overlapping another is skipped."""
    out = text
    last_start = len(text) + 1
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end), reverse=True):
        if edit.end > last_start:
            continue
        out = out[: edit.start] + edit.text + out[edit.end:]
        last_start = edit.start
    return out
