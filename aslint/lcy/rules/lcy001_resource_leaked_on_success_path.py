"""LCY001: a cluster, node group or Fargate profile the workflow created may outlive a successful run.

An error when the workflow also uses or deletes what it created (it is working material, so a
successful run that keeps it is a leak); advice when the workflow only creates it (the resource is
likely the workflow's product).
"""

from __future__ import annotations

from aslint.lcy.report import SUCCESS_EXITS, leak_finding, leak_findings
from aslint.lcy.dataflow import flow
from aslint.core.rule import Rule


def _users(f) -> dict:
    """Where each name is used or deleted, once per flow: (what, name text) -> task pointers."""
    got = f.__dict__.get("_lcy001_users")
    if got is None:
        got = {}
        for sites in f.sites_at.values():
            for s in sites:
                if s.role not in ("use", "delete"):
                    continue
                if s.cluster is not None:
                    got.setdefault(("cluster", s.cluster.text), set()).add(s.ref.pointer)
                if s.kind != "cluster" and s.role == "delete" and s.name is not None:
                    got.setdefault((s.kind, s.name.text), set()).add(s.ref.pointer)
                if s.kind == "cluster" and s.role == "use" and s.task.api in ("runJob", "call") and s.cluster is not None:
                    got.setdefault(("in-cluster", s.cluster.text), set()).add(s.ref.pointer)
        f.__dict__["_lcy001_users"] = got
    return got


def _used_or_deleted(f, res) -> bool:
    """Does a task other than the create use or delete the resource (as far as names tie them)?"""
    users = _users(f)
    if res.kind == "cluster":
        wanted = [("cluster", res.cluster.text)]
    else:
        wanted = [(res.kind, res.name.text)] if res.name is not None else []
        if res.cluster is not None:
            wanted.append(("in-cluster", res.cluster.text))
    here = res.ref.pointer
    return any(users.get(w, set()) - {here} for w in wanted)


class ResourceLeakedOnSuccess(Rule):
    code = "LCY001"
    kinds = ("asl",)

    def check(self, ctx):
        f = flow(ctx.doc)
        g = f.g
        for leak in leak_findings(ctx.doc, SUCCESS_EXITS, ("cluster", "nodegroup", "fargateprofile")):
            res = leak[0]
            if _used_or_deleted(f, res):
                yield leak_finding(*leak, g)
            else:
                finding = leak_finding(*leak, g, severity="info")
                finding.hint = leak[6] or (f"If the {res.label()} is what this workflow is for, ignore LCY001 here; "
                                "otherwise delete it before the end")
                yield finding
