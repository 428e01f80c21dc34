"""LCY011: a task uses a cluster (runJob, call, node group or Fargate profile) after it may have been deleted."""

from __future__ import annotations
from aslint.core.finding import Finding
from aslint.lcy.dataflow import flow
from aslint.core.rule import Rule


class ClusterUsedAfterDelete(Rule):
    code = "LCY011"
    kinds = ("asl",)

    def check(self, ctx):
        f = flow(ctx.doc)
        g = f.g
        deletes_of: dict = {}  # cluster key -> mask of the deletes naming it
        for delete in f.deletes:
            deletes_of[delete.cluster] = deletes_of.get(delete.cluster, 0) | (1 << delete.index)
        for node, sites in f.sites_at.items():
            if not f.reached[node] or not f.deleted[node]:
                continue
            for use in sites:
                if use.role != "use":
                    continue
                for bit in f.bits(f.deleted[node] & deletes_of.get(use.cluster, 0)):
                    delete = f.deletes[bit]
                    path = f.names(f.shortest(g.node_of[delete.ref.pointer], bit, [node], use_deleted=True).get(node, []))
                    yield Finding(
                        use.ref.pointer,
                        f"state '{use.ref.name}' ({use.task.api}) uses cluster {use.cluster.show()} after state "
                        f"'{delete.ref.name}' may have deleted it",
                        hint="Move the delete after every use of the cluster, or create it again before this state",
                        target="key", related=[(delete.ref.pointer, "the cluster is deleted here")], path=path)
                    break
