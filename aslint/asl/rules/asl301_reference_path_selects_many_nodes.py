"""ASL301: a Reference Path field (ResultPath, ItemsPath, Choice Variable, …) that can select many nodes."""

from __future__ import annotations

from aslint.asl import intrinsics, paths
from aslint.asl.sites import sites
from aslint.asl.structure import clip
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class ReferencePathNotSingleNode(Rule):
    code = "ASL301"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for site in sites(ctx.doc).paths:
            value = site.value
            if site.kind == "path" or not isinstance(value, str) or intrinsics.looks_like_call(value):
                continue
            info = paths.check_path(value)
            if info.ok and not info.single:
                yield Finding(site.pointer, f"{site.field} must address one node, but '{clip(value)}' uses a {info.problem}",
                              hint="Use only '.name', ['name'] and [index] steps (a Reference Path)")
