"""May-analysis over the lifecycle CFG: which created resources may still be alive at each node.

Facts are bit sets (Python ints): ``alive`` (resource instance i may exist), ``stale`` (the
expression that names instance i may have been overwritten since it was created, so a delete
reading the same expression may name another resource), ``deleted`` (cluster delete j may have
run and no create of that name since). A worklist runs the transfer functions to a fixed point:
time is (edges × lattice height) with cheap integer operations, never path enumeration.

Shortest offending paths are found afterwards by one BFS per reported resource, following only
edges on which that resource is alive (predecessor links, no recursion).
"""

from __future__ import annotations

from collections import deque
from aslint.core.record import dataclass, field

from aslint.lcy.cfg import EXIT_ERROR, EXIT_FAIL, EXIT_SUCCESS, graph
from aslint.lcy.resources import sites


@dataclass
class Flow:
    g: object
    creates: list  # Site per resource bit
    deletes: list  # cluster-delete Sites per deleted bit
    sites_at: dict  # node -> [Site]
    alive: list
    stale: list
    deleted: list
    reached: list
    kill_normal: dict = field(default_factory=dict)
    children: dict = field(default_factory=dict)  # node of a deleteCluster -> mask of its node groups/profiles
    edge_out: list = field(default_factory=list)  # edge index -> (alive, deleted)

    def bits(self, mask):
        i = 0
        while mask:
            if mask & 1:
                yield i
            mask >>= 1
            i += 1

    # paths ---------------------------------------------------------------------------------
    def shortest(self, start: int, bit: int, targets, use_deleted=False):
        """{target: [nodes]} shortest paths from ``start`` to each reachable target along edges
        carrying ``bit`` (in ``alive``, or in ``deleted`` when use_deleted)."""
        g, outs = self.g, self.edge_out
        flag = 1 << bit
        slot = 1 if use_deleted else 0
        pred = {start: None}
        queue = deque([start])
        targets = set(targets)
        found = {start: start} if start in targets else {}
        while queue and len(found) < len(targets):
            n = queue.popleft()
            for i in g.out[n]:
                e = g.edges[i]
                if not outs[i][slot] & flag or e.dst in pred:
                    continue
                pred[e.dst] = n
                if e.dst in targets:
                    found[e.dst] = e.dst
                queue.append(e.dst)
        paths = {}
        for t in found:
            chain, n = [], t
            while n is not None:
                chain.append(n)
                n = pred[n]
            paths[t] = chain[::-1]
        return paths

    def names(self, nodes) -> list:
        out = []
        for n in nodes:
            name = self.g.name(n)
            if name is not None and (not out or out[-1] != name):
                out.append(name)
        return out

    def exits_of(self, bit: int):
        """{exit node: [(edge index)]} of the edges that reach an exit with ``bit`` alive."""
        flag = 1 << bit
        out = {}
        for i, e in enumerate(self.g.edges):
            if e.dst in (EXIT_SUCCESS, EXIT_FAIL, EXIT_ERROR) and self.edge_out[i][0] & flag:
                out.setdefault(e.dst, []).append(i)
        return out


def _inside(site, scope) -> bool:
    return scope is None or site.ref.pointer.startswith(scope + "/")


def analyze(doc) -> Flow:
    g = graph(doc)
    all_sites = sites(doc, g.frame_of, g.scope_of)
    creates = [s for s in all_sites if s.role == "create"]
    for i, s in enumerate(creates):
        s.index = i
    cluster_deletes = [s for s in all_sites if s.role == "delete" and s.kind == "cluster"]
    for j, s in enumerate(cluster_deletes):
        s.index = j
    sites_at: dict = {}
    for s in all_sites:
        sites_at.setdefault(g.node_of[s.ref.pointer], []).append(s)

    n = len(g.refs)
    gen_n, gen_e, kill_n, kill_e, dgen, dkill = ({} for _ in range(6))
    children = {}
    created_keys: dict = {}
    by_cluster: dict = {}  # cluster key -> creates naming it, in bit order
    for s in creates:
        created_keys.setdefault((s.kind, s.cluster, s.name, s.namespace), []).append(s)
        by_cluster.setdefault(s.cluster, []).append(s)
    deletes_of: dict = {}  # cluster key -> its cluster-delete bits
    for d in cluster_deletes:
        deletes_of[d.cluster] = deletes_of.get(d.cluster, 0) | (1 << d.index)

    def family(cluster_key, scope_site):
        m = 0
        for r in by_cluster.get(cluster_key, ()):
            if _inside(scope_site, r.scope):
                m |= 1 << r.index
        return m

    everything = (1 << len(creates)) - 1
    for node, here in sites_at.items():
        for s in here:
            if s.role == "create":
                bit = 1 << s.index
                gen_n[node] = gen_n.get(node, 0) | bit
                if s.sync:
                    gen_e[node] = gen_e.get(node, 0) | bit
                if s.kind == "cluster" and s.cluster in deletes_of:
                    dkill[node] = dkill.get(node, 0) | deletes_of[s.cluster]
            elif s.role == "delete":
                if s.kind == "cluster":
                    mask = family(s.cluster, s)
                    kids = 0
                    for r in by_cluster.get(s.cluster, ()):
                        if mask >> r.index & 1 and r.kind in ("nodegroup", "fargateprofile"):
                            kids |= 1 << r.index
                    children[node] = children.get(node, 0) | kids
                    kill_n[node] = kill_n.get(node, 0) | mask
                    kill_e[node] = everything  # a failed delete is judged by LCY020, not as a leak
                    dgen[node] = dgen.get(node, 0) | (1 << s.index)
                elif s.kind in ("nodegroup", "fargateprofile"):
                    mask = 0
                    for r in created_keys.get((s.kind, s.cluster, s.name, None), ()):
                        if _inside(s, r.scope):
                            mask |= 1 << r.index
                    kill_n[node] = kill_n.get(node, 0) | mask
                    kill_e[node] = everything  # a failed delete is judged by LCY020, not as a leak
                elif s.kind == "job":
                    mask = 0
                    for r in by_cluster.get(s.cluster, ()):
                        if r.kind != "job" or not _inside(s, r.scope):
                            continue
                        if s.all_jobs and s.namespace in (None, r.namespace) or (
                                r.name == s.name and r.namespace == s.namespace):
                            mask |= 1 << r.index
                    kill_n[node] = kill_n.get(node, 0) | mask
                    kill_e[node] = kill_e.get(node, 0) | mask

    # which resources / deletes an edge's writes make undecidable
    keys: dict = {}
    for s in creates:
        for k in {s.cluster, s.name}:
            if k is not None:
                keys.setdefault(k, [0, 0])[0] |= 1 << s.index
    for d in cluster_deletes:
        keys.setdefault(d.cluster, [0, 0])[1] |= 1 << d.index
    inval_cache: dict = {}

    def inval(writes):
        if not writes.paths and not writes.variables:
            return 0, 0
        got = inval_cache.get(writes)
        if got is None:
            a = d = 0
            for k, (ma, md) in keys.items():
                if writes.touches(k):
                    a |= ma
                    d |= md
            got = inval_cache[writes] = (a, d)
        return got

    edges = g.edges
    trans = []
    for e in edges:
        ia, idl = inval(e.writes)
        o = e.owner
        if o >= 0 and e.kind == "normal":
            trans.append((kill_n.get(o, 0), gen_n.get(o, 0), ia, dkill.get(o, 0), dgen.get(o, 0), idl))
        elif o >= 0:
            trans.append((kill_e.get(o, 0), gen_e.get(o, 0), ia, 0, 0, idl))
        else:
            trans.append((0, 0, ia, 0, 0, idl))

    alive, stale, deleted, reached = [0] * n, [0] * n, [0] * n, [False] * n
    flow = Flow(g, creates, cluster_deletes, sites_at, alive, stale, deleted, reached, kill_n, children)
    if g.start < 0:
        flow.edge_out = [(0, 0)] * len(edges)
        return flow
    reached[g.start] = True
    queue, queued = deque([g.start]), [False] * n
    queued[g.start] = True
    out = g.out
    while queue:
        src = queue.popleft()
        queued[src] = False
        a, s, d = alive[src], stale[src], deleted[src]
        for i in out[src]:
            kill, gen, ia, dk, dg, idl = trans[i]
            a2 = (a & ~kill) | gen
            s2 = ((s & ~gen) | ia) & a2
            d2 = ((d & ~dk) | dg) & ~idl
            dst = edges[i].dst
            na, ns, nd = alive[dst] | a2, stale[dst] | s2, deleted[dst] | d2
            if not reached[dst] or na != alive[dst] or ns != stale[dst] or nd != deleted[dst]:
                reached[dst] = True
                alive[dst], stale[dst], deleted[dst] = na, ns, nd
                if not queued[dst]:
                    queued[dst] = True
                    queue.append(dst)
    outs = []
    for i, e in enumerate(edges):
        if not reached[e.src]:
            outs.append((0, 0))
            continue
        kill, gen, ia, dk, dg, idl = trans[i]
        outs.append(((alive[e.src] & ~kill) | gen, ((deleted[e.src] & ~dk) | dg) & ~idl))
    flow.edge_out = outs
    return flow


def flow(doc) -> Flow:
    cached = doc.cache.get("lcy.flow")
    if cached is None:
        cached = doc.cache["lcy.flow"] = analyze(doc)
    return cached
