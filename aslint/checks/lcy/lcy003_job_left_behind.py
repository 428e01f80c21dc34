"""LCY003: a Kubernetes Job with a fixed name may be left in the cluster; the next run's runJob then fails."""

from __future__ import annotations

from aslint.lcy.cfg import EXIT_ERROR, EXIT_FAIL, EXIT_SUCCESS
from aslint.lcy.dataflow import flow
from aslint.lcy.report import leak_finding, leak_findings
from aslint.rule import Rule


class JobLeftBehind(Rule):
    code = "LCY003"
    kinds = ("asl",)

    def check(self, ctx):
        g = flow(ctx.doc).g
        for leak in leak_findings(ctx.doc, (EXIT_SUCCESS, EXIT_FAIL, EXIT_ERROR), ("job",)):
            yield leak_finding(*leak, g)
