"""LCY010: deleteCluster while a node group or Fargate profile of that cluster may still exist."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.lcy.dataflow import flow
from aslint.lcy.report import DELETE_HOW, arrow
from aslint.core.rule import Rule


class ClusterDeletedBeforeNodegroups(Rule):
    code = "LCY010"
    kinds = ("asl",)

    def check(self, ctx):
        f = flow(ctx.doc)
        g = f.g
        for node, kids in f.children.items():
            if not f.reached[node]:
                continue
            live = f.alive[node] & kids
            delete = next((s for s in f.sites_at.get(node, ()) if s.role == "delete" and s.kind == "cluster"), None)
            if delete is None:
                continue
            for bit in f.bits(live):
                res = f.creates[bit]
                path = f.names(f.shortest(g.node_of[res.ref.pointer], bit, [node]).get(node, []))
                yield Finding(
                    delete.ref.pointer,
                    f"State '{delete.ref.name}' deletes cluster {delete.cluster.show()} while the {res.label()} "
                    f"created in state '{res.ref.name}' may still exist (path: {arrow(path)}). EKS refuses to "
                    "delete a cluster that still has node groups or Fargate profiles, so the cluster stays. "
                    f"Delete it first with {DELETE_HOW[res.kind]} on every path that reaches this state.",
                    target="key", related=[(res.ref.pointer, f"{res.label()} is created here")], path=path)
