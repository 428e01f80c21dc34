"""LCY004: a delete names the resource by the same expression as its create, but the value may have changed."""

from __future__ import annotations
from aslint.core.finding import Finding
from aslint.lcy.dataflow import flow
from aslint.core.rule import Rule


def _writers(f, wanted: int) -> dict:
    """bit -> (the first state, by edge order, whose output may overwrite what names that
    resource while it is alive, and how) for the bits of ``wanted``: one pass over the edges for
    every resource asked about."""
    found, g, outs = {}, f.g, f.edge_out
    for i, e in enumerate(g.edges):
        if not wanted:
            break
        live = outs[i][0] & wanted
        writes = e.writes
        if not live or (not writes.paths and not writes.variables):
            continue
        ref = g.refs[e.src]
        if ref is None:
            continue
        for bit in f.bits(live):
            res = f.creates[bit]
            if writes.touches(res.cluster) or writes.touches(res.name):
                found[bit] = (ref, "its catcher's ResultPath/Output/Assign" if e.kind == "error"
                              else "its ResultPath/OutputPath/Output/Assign")
                wanted &= ~(1 << bit)
    return found


class CleanupIdentityUndecidable(Rule):
    code = "LCY004"
    kinds = ("asl",)

    def check(self, ctx):
        f = flow(ctx.doc)
        g = f.g
        cases, wanted = [], 0
        for node, sites in f.sites_at.items():
            if not f.reached[node]:
                continue
            hits = f.alive[node] & f.stale[node] & f.kill_normal.get(node, 0)
            if not hits:
                continue
            delete = next((s for s in sites if s.role == "delete"), None)
            if delete is None:
                continue
            cases.append((node, delete, hits))
            wanted |= hits
        writers = _writers(f, wanted) if wanted else {}
        for node, delete, hits in cases:
            for bit in f.bits(hits):
                res = f.creates[bit]
                writer, how = writers.get(bit, (None, ""))
                by = f": state '{writer.name}' may overwrite its name" if writer is not None else ": its name may change in between"
                path = f.names(f.shortest(g.node_of[res.ref.pointer], bit, [node]).get(node, []))
                related = [(res.ref.pointer, f"{res.label()} is created here")]
                if writer is not None:
                    related.append((writer.pointer, "may overwrite the value that names it"))
                yield Finding(
                    delete.ref.pointer,
                    f"aslint cannot tell whether this deletes the {res.label()} created in state '{res.ref.name}'{by}",
                    hint=(f"Keep the name in a field no state in between writes ({writer.name!r} writes {how}), "
                          "or read it from $$.Execution.Input" if writer is not None else
                          "Keep the name in a field no state in between writes, or read it from $$.Execution.Input"),
                    target="key", related=related, path=path)
