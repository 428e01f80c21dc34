"""May-analysis over the lifecycle CFG: which created resources may still be alive at each node.

Facts are bit sets (Python ints): ``alive`` (resource instance i may exist), ``stale`` (the
expression that names instance i may have been overwritten since it was created, so a delete
reading the same expression may name another resource), ``deleted`` (cluster delete j may have
run and no create of that name since). A worklist runs the transfer functions to a fixed point:
time is (edges × lattice height) with cheap integer operations, never path enumeration.

Shortest offending paths are found afterwards in one breadth-first search tree per reported
resource (grown only as far as the questions asked need, shared by every finding about it),
following only edges on which that resource is alive (predecessor links, no recursion).
"""

from __future__ import annotations

from collections import deque
from aslint.core.record import dataclass, field

from aslint.lcy.cfg import graph
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
    dst_of: list = field(default_factory=list)  # edge index -> its destination node
    trees: dict = field(default_factory=dict)  # (start, bit, use_deleted) -> (pred, queue) of a search
    _into: dict = field(default_factory=dict)  # exit node -> {bit: [edge index into it carrying the bit]}

    def bits(self, mask):
        """The set bits of ``mask``, lowest first (each step costs the mask's width once, not per bit)."""
        while mask:
            low = mask & -mask
            yield low.bit_length() - 1
            mask ^= low

    # paths ---------------------------------------------------------------------------------
    def shortest(self, start: int, bit: int, targets, use_deleted=False):
        """{target: [nodes]} shortest paths from ``start`` to each reachable target along edges
        carrying ``bit`` (in ``alive``, or in ``deleted`` when use_deleted).

        One breadth-first search tree per (start, bit), grown only as far as the targets asked
        for so far need and kept for the next question: every finding about one resource shares
        it, and it never leaves the edges where the resource is alive."""
        key = (start, bit, use_deleted)
        tree = self.trees.get(key)
        if tree is None:
            tree = self.trees[key] = ({start: None}, deque([start]))
        pred, queue = tree
        missing = [t for t in targets if t not in pred]
        if missing and queue:
            self._grow(pred, queue, 1 << bit, 1 if use_deleted else 0, set(missing))
        paths = {}
        for t in targets:
            if t in pred and t not in paths:
                chain, n = [], t
                while n is not None:
                    chain.append(n)
                    n = pred[n]
                paths[t] = chain[::-1]
        return paths

    def _grow(self, pred, queue, flag, slot, missing):
        """Breadth-first, from where the tree stopped, until every node of ``missing`` is in it."""
        out, outs, dst_of = self.g.out, self.edge_out, self.dst_of
        while queue and missing:
            n = queue.popleft()
            for i in out[n]:
                dst = dst_of[i]
                if not outs[i][slot] & flag or dst in pred:
                    continue
                pred[dst] = n
                missing.discard(dst)
                queue.append(dst)

    def names(self, nodes) -> list:
        out = []
        for n in nodes:
            name = self.g.name(n)
            if name is not None and (not out or out[-1] != name):
                out.append(name)
        return out

    def into(self, exit_node: int, bit: int) -> list:
        """The edges into ``exit_node`` on which ``bit`` is alive, in edge order (indexed once per exit)."""
        by_bit = self._into.get(exit_node)
        if by_bit is None:
            by_bit = self._into[exit_node] = {}
            outs, bits = self.edge_out, self.bits
            for i, dst in enumerate(self.dst_of):
                if dst == exit_node and outs[i][0]:
                    for b in bits(outs[i][0]):
                        by_bit.setdefault(b, []).append(i)
        return by_bit.get(bit, ())


def _add(table, key, site):
    """Index created ``site`` under ``key``: [mask of those outside any Map, [(Map prefix, bit)]]."""
    entry = table.get(key)
    if entry is None:
        entry = table[key] = [0, []]
    if site.scope is None:
        entry[0] |= 1 << site.index
    else:
        entry[1].append((site.scope + "/", 1 << site.index))


def _mask(table, key, where) -> int:
    """The bits indexed under ``key`` whose Map iteration holds ``where`` (a site): a delete inside
    an iteration reaches what that iteration created; one outside reaches only what no Map holds."""
    entry = table.get(key)
    if entry is None:
        return 0
    m, scoped = entry
    if scoped:
        pointer = where.ref.pointer
        for prefix, bit in scoped:
            if pointer.startswith(prefix):
                m |= bit
    return m


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
    node_of = g.node_of
    for s in all_sites:
        node = node_of[s.ref.pointer]
        here = sites_at.get(node)
        if here is None:
            sites_at[node] = [s]
        else:
            here.append(s)

    n = len(g.refs)
    gen_n, gen_e, kill_n, kill_e, dgen, dkill = ({} for _ in range(6))
    children = {}
    # what each kind of delete reaches, indexed by the names it matches (no scan of every create)
    of_cluster, kids_of, by_key, jobs_of, jobs_in, jobs_named = ({} for _ in range(6))
    for s in creates:
        _add(of_cluster, s.cluster, s)
        if s.kind in ("nodegroup", "fargateprofile"):
            _add(kids_of, s.cluster, s)
            _add(by_key, (s.kind, s.cluster, s.name), s)
        elif s.kind == "job":
            _add(jobs_of, s.cluster, s)
            _add(jobs_in, (s.cluster, s.namespace), s)
            _add(jobs_named, (s.cluster, s.name, s.namespace), s)
    deletes_of: dict = {}  # cluster key -> its cluster-delete bits
    for d in cluster_deletes:
        deletes_of[d.cluster] = deletes_of.get(d.cluster, 0) | (1 << d.index)

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
                    children[node] = children.get(node, 0) | _mask(kids_of, s.cluster, s)
                    kill_n[node] = kill_n.get(node, 0) | _mask(of_cluster, s.cluster, s)
                    kill_e[node] = everything  # a failed delete is judged by LCY020, not as a leak
                    dgen[node] = dgen.get(node, 0) | (1 << s.index)
                elif s.kind in ("nodegroup", "fargateprofile"):
                    kill_n[node] = kill_n.get(node, 0) | _mask(by_key, (s.kind, s.cluster, s.name), s)
                    kill_e[node] = everything  # a failed delete is judged by LCY020, not as a leak
                elif s.kind == "job":
                    if s.all_jobs and s.namespace is None:
                        mask = _mask(jobs_of, s.cluster, s)  # every Job of the cluster
                    elif s.all_jobs:
                        mask = _mask(jobs_in, (s.cluster, s.namespace), s)
                    else:
                        mask = _mask(jobs_named, (s.cluster, s.name, s.namespace), s)
                    kill_n[node] = kill_n.get(node, 0) | mask
                    kill_e[node] = kill_e.get(node, 0) | mask

    # which resources / deletes an edge's writes make undecidable: only names read from the
    # state input or from variables can be overwritten (a literal or a context path cannot)
    keys: dict = {}
    for s in creates:
        for k in {s.cluster, s.name}:
            if k is not None and (k.frame is not None or k.variables):
                keys.setdefault(k, [0, 0])[0] |= 1 << s.index
    for d in cluster_deletes:
        k = d.cluster
        if k.frame is not None or k.variables:
            keys.setdefault(k, [0, 0])[1] |= 1 << d.index
    inval_cache: dict = {}
    inval_by_id: dict = {}

    def inval(writes):
        got = inval_by_id.get(id(writes))
        if got is not None:
            return got
        if not keys or (not writes.paths and not writes.variables):
            got = (0, 0)
        else:
            got = inval_cache.get(writes)
            if got is None:
                a = d = 0
                for k, (ma, md) in keys.items():
                    if writes.touches(k):
                        a |= ma
                        d |= md
                got = inval_cache[writes] = (a, d)
        inval_by_id[id(writes)] = got
        return got

    edges = g.edges
    trans = []
    for e in edges:
        ia, idl = inval(e.writes) if keys else (0, 0)  # no name can be overwritten: writes unasked
        o = e.owner
        if o >= 0 and e.kind == "normal":
            trans.append((kill_n.get(o, 0), gen_n.get(o, 0), ia, dkill.get(o, 0), dgen.get(o, 0), idl))
        elif o >= 0:
            trans.append((kill_e.get(o, 0), gen_e.get(o, 0), ia, 0, 0, idl))
        else:
            trans.append((0, 0, ia, 0, 0, idl))

    alive, stale, deleted, reached = [0] * n, [0] * n, [0] * n, [False] * n
    flow = Flow(g, creates, cluster_deletes, sites_at, alive, stale, deleted, reached, kill_n, children)
    flow.dst_of = dst_of = [e.dst for e in edges]
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
            dst = dst_of[i]
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
