"""An IAM policy document read into statements, each element with the pointer it sits at.

Tolerant: a malformed policy gives what can be read (the hygiene rules report the rest).
Cached per document in ``doc.cache["iam.statements"]``.
"""

from __future__ import annotations

from aslint.core.record import dataclass, field

from aslint.core.pointer import join


@dataclass
class Element:
    """Action/NotAction/Resource/NotResource: the values (strings, or other junk) with pointers."""

    name: str
    pointer: str
    values: list  # [(value, pointer)]

    def strings(self) -> list:
        return [v for v, _ in self.values if isinstance(v, str)]


@dataclass
class Statement:
    doc: object
    index: int
    pointer: str
    node: dict
    sid: object = None
    effect: object = None
    action: Element | None = None
    not_action: Element | None = None
    resource: Element | None = None
    not_resource: Element | None = None
    condition: dict | None = None
    extra: dict = field(default_factory=dict)

    @property
    def allow(self) -> bool:
        return self.effect == "Allow"

    @property
    def deny(self) -> bool:
        return self.effect == "Deny"

    @property
    def actions(self) -> Element | None:
        return self.action or self.not_action

    @property
    def resources(self) -> Element | None:
        return self.resource or self.not_resource

    def label(self, with_file: bool = False) -> str:
        """``statement 'Sid'`` or ``statement #2``; ``with_file`` adds the policy's file name."""
        name = f"statement {self.sid!r}" if isinstance(self.sid, str) and self.sid else f"statement #{self.index + 1}"
        path = getattr(self.doc, "path", None)
        if path and with_file:
            import os

            name += f" of {os.path.basename(path)}"
        return name


def _element(node: dict, pointer: str, name: str) -> Element | None:
    if name not in node:
        return None
    value = node[name]
    here = join(pointer, name)
    if isinstance(value, list):
        return Element(name, here, [(v, join(here, i)) for i, v in enumerate(value)])
    return Element(name, here, [(value, here)])


def statements_of(data, doc=None, base: str = "") -> list:
    """The statements of a policy (``data`` = the policy object)."""
    if not isinstance(data, dict):
        return []
    raw = data.get("Statement")
    ptr = join(base, "Statement")
    items = [(raw, ptr)] if isinstance(raw, dict) else [(s, join(ptr, i)) for i, s in enumerate(raw)] if isinstance(raw, list) else []
    out = []
    for i, (node, pointer) in enumerate(items):
        if not isinstance(node, dict):
            continue
        cond = node.get("Condition")
        out.append(Statement(doc, i, pointer, node, sid=node.get("Sid"), effect=node.get("Effect"),
                             action=_element(node, pointer, "Action"), not_action=_element(node, pointer, "NotAction"),
                             resource=_element(node, pointer, "Resource"), not_resource=_element(node, pointer, "NotResource"),
                             condition=cond if isinstance(cond, dict) else None))
    return out


def statements(doc) -> list:
    cached = doc.cache.get("iam.statements")
    if cached is None:
        cached = doc.cache["iam.statements"] = statements_of(doc.data, doc)
    return cached


def is_policy(data) -> bool:
    """A dict with Statement and Version, or whose Statement is a (list of) dict(s) with Effect."""
    if not isinstance(data, dict) or "Statement" not in data:
        return False
    stmt = data["Statement"]
    if "Version" in data and isinstance(data["Version"], str) and isinstance(stmt, (list, dict)):
        return True
    items = [stmt] if isinstance(stmt, dict) else stmt if isinstance(stmt, list) else []
    return bool(items) and all(isinstance(s, dict) for s in items) and any("Effect" in s for s in items)
