"""RFC 6901 JSON Pointers: the one address every finding carries."""

from __future__ import annotations


def escape(token) -> str:
    if token.__class__ is str and "~" not in token and "/" not in token:
        return token  # most keys: nothing to escape
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens) -> str:
    for token in tokens:
        pointer = pointer + "/" + escape(token)
    return pointer


def split(pointer: str) -> list[str]:
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON Pointer: {pointer!r}")
    return [unescape(t) for t in pointer[1:].split("/")]


def parent(pointer: str) -> str:
    return pointer[: pointer.rfind("/")] if pointer else ""


def resolve(data, pointer: str, default=None):
    """The value at ``pointer`` in ``data``, or ``default`` when there is none."""
    node = data
    for token in split(pointer):
        if isinstance(node, dict):
            if token not in node:
                return default
            node = node[token]
        elif isinstance(node, list):
            if not token.isdigit() or int(token) >= len(node):
                return default
            node = node[int(token)]
        else:
            return default
    return node
