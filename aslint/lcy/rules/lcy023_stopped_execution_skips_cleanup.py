"""LCY023: a stopped execution runs no cleanup: note once per created cluster."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.lcy.dataflow import flow
from aslint.core.rule import Rule


class StoppedExecutionSkipsCleanup(Rule):
    code = "LCY023"
    kinds = ("asl",)

    def check(self, ctx):
        for site in flow(ctx.doc).creates:
            if site.kind != "cluster":
                continue
            yield Finding(
                site.ref.pointer,
                f"If the execution is stopped (StopExecution) or times out, no Catch runs and the "
                f"{site.label()} created in state '{site.ref.name}' stays. Catch handles failures only: add an "
                "EventBridge rule on Step Functions \"Execution Status Change\" events with status ABORTED or "
                "TIMED_OUT that starts a cleanup, or a tag-based sweeper that deletes old clusters. "
                "Once that exists, silence this note with \"aslint: ignore[LCY023]\" in the state's Comment.",
                target="key")
