"""ASL402: a key ending in `.$` inside a JSONata state."""

from __future__ import annotations

from aslint.asl.sites import sites
from aslint.core.finding import Finding
from aslint.core.pointer import escape
from aslint.core.rule import Rule


class DynamicKeyInJsonataState(Rule):
    code = "ASL402"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for ref, pointer, root, _in_catch in sites(ctx.doc).jsonata_roots:
            work = [(pointer, root)]
            while work:
                ptr, node = work.pop()
                if isinstance(node, dict):
                    for key, value in node.items():
                        sub = f"{ptr}/{escape(key)}"
                        if isinstance(key, str) and key.endswith(".$"):
                            yield Finding(sub, f"'{key}' ends in '.$', which JSONata states take literally: the value is not evaluated",
                                          hint=f"Rename it to '{key[:-2]}' and write the value as a {{% … %}} expression", target="key")
                        if isinstance(value, (dict, list)):
                            work.append((sub, value))
                elif isinstance(node, list):
                    work.extend((f"{ptr}/{i}", v) for i, v in enumerate(node) if isinstance(v, (dict, list)))
