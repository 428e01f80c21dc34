"""LCY002: a created cluster, node group or Fargate profile may outlive a failed run (no cleanup on that path)."""

from __future__ import annotations

from aslint.lcy.dataflow import flow
from aslint.lcy.report import FAILURE_EXITS, leak_finding, leak_findings
from aslint.core.rule import Rule


class ResourceLeakedOnFailure(Rule):
    code = "LCY002"
    kinds = ("asl",)

    def check(self, ctx):
        g = flow(ctx.doc).g
        for leak in leak_findings(ctx.doc, FAILURE_EXITS, ("cluster", "nodegroup", "fargateprofile")):
            yield leak_finding(*leak, g)
