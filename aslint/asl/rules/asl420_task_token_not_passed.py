"""ASL420: a `.waitForTaskToken` Task that never passes the task token to the service."""

from __future__ import annotations

from aslint.core import lazyre

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule

#: the token itself, the Task object holding it, or the whole context object
_TOKEN_RE = lazyre.compile(r"\$\$(?![.\[\w])|\$\$\.Task\b|\$\$\['Task'\]|\$states\.context(?![.\w])|\$states\.context\.Task\b")


def _mentions_token(node) -> bool:
    work = [node]
    while work:
        value = work.pop()
        if isinstance(value, str):
            if _TOKEN_RE.search(value):
                return True
        elif isinstance(value, dict):
            work.extend(value.values())
        elif isinstance(value, list):
            work.extend(value)
    return False


class TaskTokenNotPassed(Rule):
    code = "ASL420"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            node = ref.node
            if ref.type != "Task":
                continue
            resource = node.get("Resource")
            if not isinstance(resource, str) or not resource.endswith(".waitForTaskToken"):
                continue
            field = "Arguments" if ref.jsonata else "Parameters"
            payload = node.get(field)
            if _mentions_token(payload):
                continue
            token = "{% $states.context.Task.Token %}" if ref.jsonata else '"TaskToken.$": "$$.Task.Token"'
            where = f"{ref.pointer}/{field}" if field in node else ref.pointer
            yield Finding(where, f"state '{ref.name}' waits for a task token but never passes it in {field}, so the execution hangs until it times out",
                          hint=f"Pass the token in {field}, e.g. {token}",
                          target="value" if field in node else "key")
