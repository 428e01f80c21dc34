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
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        found = sites(ctx.doc)
        path_fields = {site.pointer for site in found.paths}  # e.g. ItemReader.ReaderConfig.MaxItemsPath: already a path
        nested = found.nested_paths
        for ptr, node, under_dollar in found.template_objects:
            if under_dollar or (nested and _inside(ptr, nested)):
                continue  # the value of a `.$` key, or of a path field: not a template
            for key, value in node.items():
                if isinstance(key, str) and key.endswith(".$"):
                    continue
                if looks_dynamic(value):
                    sub = f"{ptr}/{escape(key)}"
                    if sub in path_fields:
                        continue
                    yield Finding(sub, f"'{key}' holds '{_excerpt(value)}' as plain text: without '.$' the path is not evaluated",
                                  hint=f"Rename the key to '{key}.$' to pass the value it points at")


def _inside(pointer: str, fields: set) -> bool:
    """``pointer`` is one of ``fields`` or below one."""
    while pointer:
        if pointer in fields:
            return True
        pointer = pointer[: pointer.rfind("/")]
    return False


def _excerpt(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[:limit - 1] + "…"
