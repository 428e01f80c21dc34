"""LCY001: a cluster, node group or Fargate profile the workflow created may outlive a successful run."""

from __future__ import annotations

from aslint.lcy.report import SUCCESS_EXITS, leak_finding, leak_findings
from aslint.lcy.dataflow import flow
from aslint.core.rule import Rule


class ResourceLeakedOnSuccess(Rule):
    code = "LCY001"
    kinds = ("asl",)

    def check(self, ctx):
        g = flow(ctx.doc).g
        for leak in leak_findings(ctx.doc, SUCCESS_EXITS, ("cluster", "nodegroup", "fargateprofile")):
            yield leak_finding(*leak, g)
