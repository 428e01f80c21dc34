"""ASL300: a path field or a `.$` value that is not a valid path (JSONPath mode)."""

from __future__ import annotations

from aslint.asl import intrinsics, paths
from aslint.asl.sites import sites
from aslint.asl.structure import clip
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class InvalidPath(Rule):
    code = "ASL300"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        s = sites(ctx.doc)
        for site in s.paths:
            value = site.value
            if not isinstance(value, str):
                continue  # null is allowed where the schema allows it; type errors are ASL105's
            if intrinsics.looks_like_call(value):
                if site.kind != "error":
                    yield Finding(site.pointer, f"{site.field} takes a path, not an intrinsic function call",
                                      hint=f"Compute the value in Parameters (or Assign) first and point {site.field} at it")
                continue
            info = paths.check_path(value)
            if not info.ok:
                yield Finding(site.pointer, f"{site.field} '{clip(value)}' is not a valid path: {info.problem}",
                              hint="Write a path such as '$.field', '$$.Execution.Id' or '$variable'")
        for site in s.templates:
            value = site.value
            if not isinstance(value, str) or intrinsics.looks_like_call(value):
                continue  # non-strings: ASL304; calls: ASL310
            info = paths.check_path(value)
            if not info.ok:
                hint = (f"To pass the text literally, drop '.$' from the key ('{site.field[:-2]}')"
                        if not value.startswith("$") else "Write a valid path, e.g. '$.field'")
                yield Finding(site.pointer, f"'{site.field}' holds '{clip(value)}', neither a valid path nor an intrinsic call: {info.problem}",
                              hint=hint)
