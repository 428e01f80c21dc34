"""ASL110: HeartbeatSeconds not smaller than TimeoutSeconds."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.core.finding import Finding
from aslint.core.rule import Rule


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class HeartbeatNotBelowTimeout(Rule):
    code = "ASL110"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Task":
                continue
            heartbeat, timeout = _int(ref.node.get("HeartbeatSeconds")), _int(ref.node.get("TimeoutSeconds"))
            if heartbeat is None:
                continue
            limit, where = (timeout, "its TimeoutSeconds") if timeout is not None else (99999999, "the default TimeoutSeconds (99999999)")
            if heartbeat >= limit:
                yield Finding(f"{ref.pointer}/HeartbeatSeconds",
                              f"HeartbeatSeconds ({heartbeat}) of state '{ref.name}' is not less than {where} ({limit})",
                              hint="Lower the heartbeat or raise the timeout")
