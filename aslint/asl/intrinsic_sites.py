"""Every intrinsic function call of a document, parsed once: ``calls(doc)``.

A call is a `.$` template value, or a Fail ``ErrorPath``/``CausePath``, of a JSONPath state
whose text looks like ``Name(…`` (after optional whitespace). Each entry is
``(site, Call or None, IntrinsicSyntaxError or None)``.
"""

from __future__ import annotations

from aslint.asl import intrinsics
from aslint.asl.sites import sites


def calls(doc) -> list:
    cached = doc.cache.get("asl.intrinsic.calls")
    if cached is not None:
        return cached
    out = []
    s = sites(doc)
    for site in s.templates + [p for p in s.paths if p.kind == "error"]:
        value = site.value
        if not isinstance(value, str) or value.startswith("$") or not intrinsics.looks_like_call(value):
            continue
        try:
            out.append((site, intrinsics.parse(value), None))
        except intrinsics.IntrinsicSyntaxError as err:
            out.append((site, None, err))
    doc.cache["asl.intrinsic.calls"] = out
    return out
