"""ASL405: a '{% … %}' JSONata expression in a JSONPath state, where it is plain text."""

from __future__ import annotations

from aslint.asl import jsonata
from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.pointer import escape
from aslint.core.rule import Rule

#: fields a JSONPath state takes as a literal of a fixed format (a timestamp, a number): a JSONata
#: string there is not text AWS can use, so CreateStateMachine rejects it
LITERAL_FORMAT_FIELDS = frozenset({"Timestamp", "TimeoutSeconds", "HeartbeatSeconds", "Seconds", "MaxConcurrency",
                                   "ToleratedFailurePercentage", "ToleratedFailureCount"})
_FIELDS = ("Parameters", "ResultSelector", "ItemSelector", "Assign", "Arguments", "Output", "Items",
           "TimeoutSeconds", "HeartbeatSeconds", "Seconds", "Timestamp", "Error", "Cause", "MaxConcurrency")


class JsonataInJsonpathState(Rule):
    code = "ASL405"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        if not ctx.doc.may_hold(jsonata.OPEN):
            return  # no string of the document holds '{%': nothing to walk
        for ref in model(ctx.doc).states:
            if ref.jsonata or not isinstance(ref.node, dict):
                continue
            roots = [(f"{ref.pointer}/{k}", ref.node[k]) for k in _FIELDS if k in ref.node]
            for key in ("Choices", "Catch"):
                items = ref.node.get(key)
                if isinstance(items, list):
                    for i, item in enumerate(items):
                        if isinstance(item, dict):
                            roots.extend((f"{ref.pointer}/{key}/{i}/{k}", item[k]) for k in ("Condition", "Output", "Assign") if k in item)
            hint = "Set \"QueryLanguage\": \"JSONata\" on the state or at the top of the state machine"
            for key in LITERAL_FORMAT_FIELDS:
                value = ref.node.get(key)
                if isinstance(value, str) and jsonata.is_expression(value):
                    yield Finding(f"{ref.pointer}/{key}", f"JSONata expression in '{key}' of JSONPath state '{ref.name}', which takes only a literal",
                                  hint=hint, severity="error")
            for pointer, value in _strings(roots):
                if pointer.rsplit("/", 1)[-1] in LITERAL_FORMAT_FIELDS and pointer.count("/") == ref.pointer.count("/") + 1:
                    continue  # reported above
                if jsonata.is_expression(value):
                    yield Finding(pointer, f"'{_clip(value)}' is a JSONata expression, but JSONPath state '{ref.name}' takes it as plain text",
                                  hint=hint)
                    break  # one finding per state is enough to show the cause


def _strings(roots):
    work = list(reversed(roots))
    while work:
        ptr, value = work.pop()
        if isinstance(value, str):
            yield ptr, value
        elif isinstance(value, dict):
            work.extend(reversed([(f"{ptr}/{escape(k)}", v) for k, v in value.items()]))
        elif isinstance(value, list):
            work.extend(reversed([(f"{ptr}/{i}", v) for i, v in enumerate(value)]))


def _clip(text: str, n: int = 50) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
