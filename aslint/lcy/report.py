"""Turning the lifecycle data-flow into findings: leaks per exit kind, with the shortest path."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.lcy.cfg import EXIT_ERROR, EXIT_FAIL, EXIT_SUCCESS
from aslint.lcy.dataflow import flow

DELETE_HOW = {
    "cluster": "eks:deleteCluster.sync (after deleting its node groups and Fargate profiles)",
    "nodegroup": "eks:deleteNodegroup.sync",
    "fargateprofile": "eks:deleteFargateProfile.sync",
}


def arrow(names, head: int = 4, tail: int = 3) -> str:
    """A path for a message: long ones keep their start and end (the whole path is in SARIF codeFlows)."""
    names = list(names)
    if len(names) > head + tail + 1:
        skipped = len(names) - head - tail
        return " → ".join([f"'{n}'" for n in names[:head]] + [f"… {skipped} more …"] + [f"'{n}'" for n in names[-tail:]])
    return " → ".join(f"'{n}'" for n in names)


def _literal_names(site) -> bool:
    """The site names its cluster (and node group or profile) by literals only."""
    names = (site.cluster,) if site.kind == "cluster" else (site.cluster, site.name)
    return all(k is not None and k.literal is not None for k in names)


def _hint_candidates(f) -> dict:
    """kind -> ([every delete site], [those not named by literals only]), in flow order; once per flow."""
    got = f.__dict__.get("_hint_candidates")
    if got is None:
        got = {}
        for sites in f.sites_at.values():
            for s in sites:
                if s.role == "delete" and s.kind != "job":
                    every, open_ = got.setdefault(s.kind, ([], []))
                    every.append(s)
                    if not _literal_names(s):
                        open_.append(s)
        f.__dict__["_hint_candidates"] = got
    return got


def _identity_hint(f, res) -> str:
    """The fix when deletes of the same kind exist but do not name this resource (or "")."""
    every, open_ = _hint_candidates(f).get(res.kind, ((), ()))
    # two literal names either match or name two resources: such deletes can give no hint
    for s in open_ if res.scope is None and _literal_names(res) else every:
        if res.scope is not None and not s.ref.pointer.startswith(res.scope + "/"):
            map_node = f.g.node_of.get(res.scope.rsplit("/", 1)[0])
            owner = f.g.refs[map_node] if map_node is not None else None
            where = f" of Map '{owner.name}'" if owner is not None else ""
            return (f"Delete it inside the iteration{where}: it is created in every one, and the delete in state "
                    f"'{s.ref.name}' outside removes at most one")
        key, other = (s.cluster, res.cluster) if s.kind == "cluster" else (s.name, res.name)
        if s.kind != "cluster" and s.cluster != res.cluster:
            key, other = s.cluster, res.cluster
        if key == other or (key.literal is not None and other.literal is not None):
            continue  # two literal names that differ name two resources: nothing to tie
        if key.text == other.text:
            return (f"Pass the name in a field both read the same way, or from $$.Execution.Input: the delete in "
                    f"state '{s.ref.name}' reads {key.show()} from another input")
        return (f"Read the name from the same field in both: the delete in state '{s.ref.name}' names it "
                f"{key.show()}, the create {other.show()}")
    return ""


def _how_it_leaves(g, edge, leaving_ref) -> str:
    if edge.dst == EXIT_SUCCESS:
        return f"when the execution succeeds at '{leaving_ref.name}'"
    if edge.dst == EXIT_FAIL:
        return f"when the execution ends at the Fail state '{leaving_ref.name}'"
    kind = g.kinds[edge.src]
    if edge.cls == "timeout":
        why = "its States.Timeout is not caught (States.TaskFailed and named errors do not match it)"
    elif leaving_ref.type == "Choice":
        why = "no choice rule matches and it has no Default (States.NoChoiceMatched)"
    elif kind in ("err", "cancel"):
        why = "an error from one of its branches or iterations is not caught"
    elif leaving_ref.node.get("Catch"):
        why = "its catchers do not match every error"
    else:
        why = "it has no Catch"
    return f"when this state fails: {why}"


def leak_findings(doc, exits, kinds):
    """Findings for resources of ``kinds`` alive at any of ``exits``, once per resource and exit."""
    f = flow(doc)
    g = f.g
    cluster_keys = {s.cluster for s in f.creates if s.kind == "cluster"}
    for x in exits:
        mask = f.alive[x] if f.reached[x] else 0
        for bit in f.bits(mask):
            res = f.creates[bit]
            if res.kind not in kinds:
                continue
            if res.kind == "job" and res.cluster in cluster_keys:
                continue  # deleting the cluster deletes the Job; a cluster leak is reported instead
            start = g.node_of[res.ref.pointer]
            flag = 1 << bit
            sources, seen_src = [], set()
            for i in f.into(x, bit):
                src = g.edges[i].src
                if src not in seen_src:
                    seen_src.add(src)
                    sources.append(src)
            paths = f.shortest(start, bit, [x, *sources])
            chain = paths.get(x)
            if not chain or len(chain) < 2:
                continue
            last_src = chain[-2]
            edge = next((g.edges[i] for i in g.out[last_src] if g.edges[i].dst == x and f.edge_out[i][0] & flag), None)
            leaving = g.refs[last_src]
            if edge is None or leaving is None:
                continue
            names = f.names(chain)
            others, seen = [], {leaving.pointer}
            for n in sources:
                r = g.refs[n]
                if r is not None and r.pointer not in seen:
                    seen.add(r.pointer)
                    others.append((r, f.names(paths.get(n) or [n])))
            yield res, x, edge, leaving, names, others, _identity_hint(f, res)


def leak_message(res, x, edge, leaving, names, others, hint, g) -> tuple:
    """(message, hint) of a leak; the path is in the finding's path (SARIF codeFlows), the other
    exits in its related locations."""
    # where it is created is the first related location; a Job's cluster is in its related locations too
    what = f"Job {res.name.show()}" if res.kind == "job" else res.label()
    how = _how_it_leaves(g, edge, leaving)
    also = f" (and {len(others)} other exit{'s' if len(others) != 1 else ''})" if others else ""
    if res.kind == "job":
        return (f"{what} may still exist {how}{also}, so a rerun fails (409)",
                hint or (f"Delete it on every path (eks:call DELETE /apis/batch/v1/namespaces/{res.namespace}/jobs/<name>), "
                         "or set spec.ttlSecondsAfterFinished or metadata.generateName"))
    if x == EXIT_SUCCESS:
        fix = f"Delete it with {DELETE_HOW[res.kind]} on this path before the end"
    else:
        fix = (f"Add a Catch (ErrorEquals [\"States.ALL\"]) leading to a cleanup chain that deletes it with "
               f"{DELETE_HOW[res.kind]}")
        if edge.dst == EXIT_FAIL:
            fix = f"Delete it with {DELETE_HOW[res.kind]} before the Fail state"
    if leaving.pointer == res.ref.pointer and x != EXIT_SUCCESS:
        return (f"{what} may be left behind {how}{also}", hint or fix)
    return f"{what} may still exist {how}{also}", hint or fix


def leak_finding(res, x, edge, leaving, names, others, hint, g, severity=None) -> Finding:
    related = [(res.ref.pointer, f"{res.label()} is created here")]
    related += [(r.pointer, f"state '{r.name}' leaves without deleting {res.label()} (path: {arrow(p)})") for r, p in others]
    message, fix = leak_message(res, x, edge, leaving, names, others, hint, g)
    return Finding(leaving.pointer, message, hint=fix, target="key", severity=severity, related=related, path=names)


FAILURE_EXITS = (EXIT_FAIL, EXIT_ERROR)
SUCCESS_EXITS = (EXIT_SUCCESS,)
