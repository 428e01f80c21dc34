"""Hover text: the finding, its hint, and the rule's documentation (what it does, why, the fix)."""

from __future__ import annotations

import re

MAX_EXAMPLE_LINES = 40


def markdown(diagnostic, doc) -> str:
    head = f"**{diagnostic.code}**"
    if doc is not None:
        head += f" `{doc.name}` ({diagnostic.severity})"
    lines = [head, "", diagnostic.message]
    if diagnostic.hint:
        lines += ["", f"*Fix:* {diagnostic.hint}"]
    if doc is not None:
        body = _sections(doc.body)
        if body:
            lines += ["", body]
        if doc.help_uri:
            lines += ["", f"[Rule documentation]({doc.help_uri})"]
    return "\n".join(lines)


def _sections(body: str) -> str:
    """The rule doc without its examples (the hover stays short); headings kept."""
    keep = []
    for part in re.split(r"(?m)^(?=## )", body):
        title = part[3:].split("\n", 1)[0].strip() if part.startswith("## ") else ""
        if title in ("What it does", "Why is this bad?"):
            keep.append(part.strip())
        elif title == "Example" and "Use instead:" in part:
            fixed = part[part.index("Use instead:"):].strip().splitlines()
            if len(fixed) > MAX_EXAMPLE_LINES:  # keep the hover short; the link has the rest
                fixed = fixed[:MAX_EXAMPLE_LINES] + ["…", "```"]
            keep.append("## How to fix\n" + "\n".join(fixed))
    return "\n\n".join(keep)
