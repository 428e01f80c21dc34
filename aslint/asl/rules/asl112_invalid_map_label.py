"""ASL112: a Map state's Label that AWS rejects (empty, over 40 characters, or a forbidden character)."""

from __future__ import annotations

from aslint.core import lazyre

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule

LIMIT = 40
#: whitespace, brackets, wildcards, the special characters AWS lists, and control characters
_FORBIDDEN = lazyre.compile(r"[\s?*<>{}\[\]:;,\\|^~$#%&`\"\x00-\x1f\x7f-\x9f]")


def label_problem(label: str) -> str | None:
    if not label:
        return "is empty"
    if len(label) > LIMIT:
        return f"is {len(label)} characters, over the limit of {LIMIT}"
    bad = _FORBIDDEN.search(label)
    if bad:
        char = bad.group(0)
        shown = repr(char)[1:-1] if not char.isprintable() or char.isspace() else char
        return f"contains '{shown}', which AWS does not allow"
    return None


class InvalidMapLabel(Rule):
    code = "ASL112"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Map" or not isinstance(ref.node.get("Label"), str):
                continue
            problem = label_problem(ref.node["Label"])
            if problem:
                yield Finding(f"{ref.pointer}/Label", f"Label of Map state '{ref.name}' {problem}",
                              hint="Use at most 40 letters, digits, '-', '_' or '.'")
