"""ASL304: a payload-template value that is a path, under a key without `.$` (passed literally)."""

from __future__ import annotations

from aslint.asl import intrinsics, paths
from aslint.asl.sites import sites
from aslint.core.finding import Finding
from aslint.core.pointer import escape
from aslint.core.rule import Rule


def looks_dynamic(value) -> bool:
    if not isinstance(value, str) or len(value) < 2:
        return False
    if value.startswith(("$.", "$$.", "$[")):
        return paths.check_path(value).ok
    return value.startswith("States.") and intrinsics.looks_like_call(value)


class PathInStaticKey(Rule):
    code = "ASL304"

    def check(self, ctx):
        for _state, pointer, root in sites(ctx.doc).template_roots:
            work = [(pointer, root)]
            while work:
                ptr, node = work.pop()
                if isinstance(node, dict):
                    for key, value in node.items():
                        if isinstance(key, str) and key.endswith(".$"):
                            continue
                        sub = f"{ptr}/{escape(key)}"
                        if looks_dynamic(value):
                            yield Finding(sub, f"'{key}' holds '{value}' as plain text: without '.$' at the end of the key the path is not evaluated; rename the key to '{key}.$' to pass the value it points at")
                        elif isinstance(value, (dict, list)):
                            work.append((sub, value))
                elif isinstance(node, list):
                    work.extend((f"{ptr}/{i}", v) for i, v in enumerate(node) if isinstance(v, (dict, list)))
