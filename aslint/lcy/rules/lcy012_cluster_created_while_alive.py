"""LCY012: a second cluster with the same literal name is created while the first may still exist."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.lcy.dataflow import flow
from aslint.lcy.report import arrow
from aslint.core.rule import Rule


class ClusterCreatedWhileAlive(Rule):
    code = "LCY012"
    kinds = ("asl",)

    def check(self, ctx):
        f = flow(ctx.doc)
        g = f.g
        for node, sites in f.sites_at.items():
            if not f.reached[node]:
                continue
            for site in sites:
                if site.role != "create" or site.kind != "cluster" or site.cluster.literal is None:
                    continue
                for bit in f.bits(f.alive[node]):
                    first = f.creates[bit]
                    if first.kind != "cluster" or first.cluster != site.cluster:
                        continue
                    path = f.names(f.shortest(g.node_of[first.ref.pointer], bit, [node]).get(node, []))
                    again = "again " if first is site else ""
                    yield Finding(
                        site.ref.pointer,
                        f"State '{site.ref.name}' creates cluster {site.cluster.show()} {again}while the one created "
                        f"in state '{first.ref.name}' may still exist (path: {arrow(path)}). Cluster names are "
                        "unique per account and Region, so this create fails. Delete the first cluster before, "
                        "or give each cluster its own name (e.g. from $$.Execution.Name).",
                        target="key", related=[(first.ref.pointer, "the first cluster is created here")], path=path)
                    break
