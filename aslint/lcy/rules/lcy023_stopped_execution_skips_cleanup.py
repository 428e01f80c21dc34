"""LCY023: a stopped execution runs no cleanup: workflow-level advice, said once per workflow."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.lcy.dataflow import flow
from aslint.core.rule import Rule


class StoppedExecutionSkipsCleanup(Rule):
    code = "LCY023"
    kinds = ("asl",)

    def check(self, ctx):
        clusters = [site for site in flow(ctx.doc).creates if site.kind == "cluster"]
        if not clusters:
            return
        first, others = clusters[0], clusters[1:]
        what = f"the {first.label()} created in state '{first.ref.name}'"
        if others:
            what = f"the {len(clusters)} clusters this workflow creates"
        yield Finding(
            first.ref.pointer,
            f"a stopped or timed-out execution runs no Catch, so {what} stays",
            hint="Start a cleanup from an EventBridge rule on execution status ABORTED or TIMED_OUT, or run a "
                 "tag-based sweeper; then put 'aslint: ignore[LCY023]' in the state's Comment",
            related=[(site.ref.pointer, f"cluster created in state '{site.ref.name}'") for site in others[:20]],
            target="key")
