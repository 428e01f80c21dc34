"""ASL305: a payload template with both 'key' and 'key.$' in one object."""

from __future__ import annotations

from aslint.asl.sites import sites
from aslint.core.finding import Finding
from aslint.core.pointer import escape
from aslint.core.rule import Rule


class TemplateKeyGivenTwice(Rule):
    code = "ASL305"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for ptr, node, _under_dollar in sites(ctx.doc).template_objects:  # every object, values of `.$` keys too
            for key in node:
                if isinstance(key, str) and key.endswith(".$") and key[:-2] in node:
                    yield Finding(f"{ptr}/{escape(key)}", f"'{key}' and '{key[:-2]}' are both given; without '.$' they are the same field",
                                  hint=f"Keep one of '{key}' and '{key[:-2]}'", target="key",
                                  related=[(f"{ptr}/{escape(key[:-2])}", f"'{key[:-2]}' is given here")])
