"""LCY012: a second cluster with the same literal name is created while the first may still exist."""

from __future__ import annotations
from aslint.core.finding import Finding
from aslint.lcy.dataflow import flow
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
                        f"cluster {site.cluster.show()} is created {again}while the one from state '{first.ref.name}' "
                        "may still exist, so the create fails",
                        hint="Delete the first cluster before (names are unique per Region), or name each from $$.Execution.Name",
                        target="key", related=[(first.ref.pointer, "the first cluster is created here")], path=path)
                    break
