"""ASL313: an intrinsic function (States.…) used in a JSONata state."""

from __future__ import annotations

from aslint.core import lazyre
import re

from aslint.asl import jsonata
from aslint.asl.sites import sites
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_CALL_RE = lazyre.compile(r"(?<![\w$.])States\.[A-Za-z0-9_]+\s*\(")
_REPLACEMENTS = {
    "States.Format": "string concatenation with &", "States.StringToJson": "$parse()",
    "States.JsonToString": "$string()", "States.Array": "an array constructor [a, b]",
    "States.ArrayPartition": "$partition()", "States.ArrayContains": "the 'in' operator",
    "States.ArrayRange": "$range()", "States.ArrayGetItem": "an index such as $arr[0]",
    "States.ArrayLength": "$count()", "States.ArrayUnique": "$distinct()",
    "States.Base64Encode": "$base64encode()", "States.Base64Decode": "$base64decode()",
    "States.Hash": "$hash()", "States.JsonMerge": "$merge()", "States.MathRandom": "$random()",
    "States.MathAdd": "+", "States.StringSplit": "$split()", "States.UUID": "$uuid()",
}


class IntrinsicInJsonataState(Rule):
    code = "ASL313"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        for site in sites(ctx.doc).jsonata:
            value = site.value
            if "States." not in value:
                continue
            text = value
            if jsonata.is_expression(value):
                parts = jsonata.body(value)
                if parts is None:
                    continue
                text = _without_strings(parts[0])
            m = _CALL_RE.search(text) if jsonata.is_expression(value) else (_CALL_RE.match(value.lstrip()))
            if not m:
                continue
            name = m.group(0).rstrip("( \t")
            instead = _REPLACEMENTS.get(name, "a JSONata function")
            hint = f"Use {instead} in a {{% … %}} expression"
            if jsonata.is_expression(value):  # not a JSONata function: the evaluation fails when the state runs
                yield Finding(site.pointer, f"intrinsic {name} inside a JSONata expression of state '{site.state.name}' cannot be called",
                              hint=hint)
            else:  # AWS accepts it and uses the text literally
                yield Finding(site.pointer, f"intrinsic {name} in JSONata state '{site.state.name}' is literal text, never called",
                              hint=hint, severity="warning")


def _without_strings(text: str) -> str:
    return re.sub(r"\"(\\.|[^\"\\])*\"|'(\\.|[^'\\])*'", "''", text)
