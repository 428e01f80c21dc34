"""LCY010: deleteCluster while a node group or Fargate profile of that cluster may still exist
(not deleted on some path, or deleted without .sync right before, so it is still DELETING)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.lcy.dataflow import flow
from aslint.lcy.report import DELETE_HOW
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
                    f"cluster {delete.cluster.show()} is deleted while {res.label()} may still exist, so EKS refuses it",
                    hint=f"Delete the {res.label()} first with {DELETE_HOW[res.kind]} on every path to this state",
                    target="key", related=[(res.ref.pointer, f"{res.label()} is created here")], path=path)

        yield from _deleting_right_before(f)


def _deleting_right_before(f):
    """A request-response deleteNodegroup/deleteFargateProfile followed (through Pass states only) by
    deleteCluster of the same cluster: the node group or profile is still DELETING when EKS is asked
    to delete the cluster, and EKS refuses (ResourceInUseException)."""
    cluster_deletes = {s.ref.pointer: s for s in f.deletes}
    for sites in f.sites_at.values():
        for s in sites:
            if s.role != "delete" or s.kind not in ("nodegroup", "fargateprofile") or s.sync or s.cluster is None:
                continue
            states = s.ref.machine.states
            name, seen = s.ref.node.get("Next"), set()
            while isinstance(name, str) and name in states and name not in seen:
                seen.add(name)
                ref = states[name]
                target = cluster_deletes.get(ref.pointer)
                if target is not None:
                    if target.cluster is not None and target.cluster.text == s.cluster.text:
                        noun = "node group" if s.kind == "nodegroup" else "Fargate profile"
                        yield Finding(
                            f"{s.ref.pointer}/Resource",
                            f"'{s.ref.name}' starts deleting the {noun} without waiting, so '{ref.name}' finds it still "
                            "deleting and EKS refuses to delete the cluster",
                            hint=f"Use eks:{s.task.api}.sync so the {noun} is gone first",
                            related=[(ref.pointer, f"cluster {target.cluster.show()} is deleted here")])
                    break
                if ref.type != "Pass":
                    break
                name = ref.node.get("Next")
