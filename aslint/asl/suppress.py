"""Suppression written in the definition itself: ``aslint: ignore[CODE,…]`` in a ``Comment``.

ASL allows a ``Comment`` string at the top level and on every state; nowhere else can a JSON
definition carry a remark. In a state's Comment the directive silences findings inside that state
(nested states included); in the top-level Comment, the whole document.
"""

from __future__ import annotations

from aslint.core import lazyre

_DIRECTIVE = lazyre.compile(r"aslint:\s*ignore(?:\[([A-Za-z0-9_,\s]*)\])?")


def parse_directive(comment) -> "set | None | bool":
    """False when there is no directive; None for 'everything'; else the set of selectors."""
    if not isinstance(comment, str):
        return False
    m = _DIRECTIVE.search(comment)
    if not m:
        return False
    if m.group(1) is None:
        return None
    return {c.strip() for c in m.group(1).split(",") if c.strip()}


def directives(doc) -> list[tuple[str, "set | None"]]:
    """(pointer prefix, selectors) for every directive in an ASL document."""
    cached = doc.cache.get("suppress")
    if cached is not None:
        return cached
    from aslint.asl.model import model

    found = []
    data = doc.data
    if isinstance(data, dict):
        top = parse_directive(data.get("Comment"))
        if top is not False:
            found.append(("", top))
        for ref in model(doc).states:
            if ref.is_object:
                d = parse_directive(ref.node.get("Comment"))
                if d is not False:
                    found.append((ref.pointer, d))
        for machine in model(doc).machines:
            if machine.pointer:
                d = parse_directive(machine.node.get("Comment"))
                if d is not False:
                    found.append((machine.pointer, d))
    doc.cache["suppress"] = found
    return found


def suppressed(doc, code: str, pointer: str) -> bool:
    for prefix, selectors in directives(doc):
        if pointer == prefix or pointer.startswith(prefix + "/") or prefix == "":
            if selectors is None or any(code.startswith(s) for s in selectors):
                return True
    return False
