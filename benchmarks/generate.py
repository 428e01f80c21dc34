"""Generated EKS workflows for benchmarks: many clusters, Choice fan-outs, nested Parallel/Map.

    python3 benchmarks/generate.py --states 5000 --clusters 50 -o /tmp/bench.asl.json
    python3 benchmarks/generate.py --states 5000 10000 --clusters 50 -o /tmp/bench   # one file per size

``eks_definition(n_states, n_clusters)`` returns the definition as a dict (about ``n_states``
states, nested ones included). Each cluster gets a unit: create cluster → create node group →
run job → Choice fan-out into three work chains → Parallel (a Map and a chain) → delete job →
delete node group → delete cluster, with Catch into the cleanup chain and Retry on the deletes.
Every ``leak_every``-th unit has a Choice branch that skips its cleanup (0: none), so the leak
reporting (path search) is exercised too.

``dense_definition(n_states)`` is the EKS-dense input: ``n_states // 10`` chained cluster
lifecycles of exactly 10 states, 7 of them EKS tasks (create cluster → create node group → run
job → poll the Job's pods ⇄ wait on a Choice → delete job → delete node group → delete cluster →
next lifecycle), every step's Catch leading into the cleanup chain and a failed cleanup into the
lifecycle's Fail state; every ``leak_every``-th lifecycle has a Choice rule that fails without the
cleanup (a leak to report, alive only inside its lifecycle). The create-cluster result is kept
whole (PAY005) and every cluster gets LCY023's note, so the findings grow with the states.
"""

from __future__ import annotations

import argparse
import json
import sys

ROLE = "arn:aws:iam::111122223333:role/bench-eks-cluster"
NODE_ROLE = "arn:aws:iam::111122223333:role/bench-eks-node"
SUBNETS = ["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"]
RETRY = [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 30, "MaxAttempts": 5, "BackoffRate": 2}]
FIXED = 9  # states of a unit besides its work chains


def _catch(nxt):
    return [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": nxt}]


def _work(name_next, i, j, catch=None):
    state = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
             "Parameters": {"FunctionName": f"arn:aws:lambda:us-east-1:111122223333:function:work-{i}",
                            "Payload": {"step": j}},
             "ResultSelector": {"code.$": "$.StatusCode"}, "ResultPath": f"$.work{j % 7}"}
    if catch:
        state["Catch"] = _catch(catch)
    if name_next is None:
        state["End"] = True
    else:
        state["Next"] = name_next
    return state


def _chain(states, prefix, length, then, i, catch=None):
    """Add ``length`` work states named ``prefix N`` leading to ``then`` (None: End). Returns the first name."""
    names = [f"{prefix} {k}" for k in range(length)]
    for k, name in enumerate(names):
        states[name] = _work(names[k + 1] if k + 1 < length else then, i, k, catch)
    return names[0]


def _split(total, parts):
    base, extra = divmod(max(total, parts), parts)
    return [base + (1 if k < extra else 0) for k in range(parts)]


def _unit(states, i, budget, next_name, leak):
    u = f"U{i}"
    cluster, group, job = f"bench-{i}", f"group-{i}", f"job-{i}"
    eks = {"ClusterName": cluster, "CertificateAuthority.$": "$.eks.Cluster.CertificateAuthority.Data",
           "Endpoint.$": "$.eks.Cluster.Endpoint"}
    chains = _split(budget - FIXED, 5)  # three Choice branches, the Map processor, a Parallel branch
    states[f"{u} create cluster"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
        "Parameters": {"Name": cluster, "RoleArn": ROLE, "ResourcesVpcConfig": {"SubnetIds": SUBNETS}},
        "ResultSelector": {"Cluster": {"Endpoint.$": "$.Cluster.Endpoint",
                                       "CertificateAuthority": {"Data.$": "$.Cluster.CertificateAuthority.Data"}}},
        "ResultPath": "$.eks", "Retry": RETRY, "Catch": _catch(f"{u} delete cluster"),
        "Next": f"{u} create node group"}
    states[f"{u} create node group"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:createNodegroup.sync",
        "Parameters": {"ClusterName": cluster, "NodegroupName": group, "NodeRole": NODE_ROLE, "Subnets": SUBNETS},
        "ResultPath": None, "Retry": RETRY, "Catch": _catch(f"{u} delete node group"), "Next": f"{u} run job"}
    states[f"{u} run job"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
        "Parameters": dict(eks, Namespace="default", LogOptions={"RetrieveLogs": True, "LogParameters": {"tailLines": ["20"]}},
                           Job={"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": job},
                                "spec": {"backoffLimit": 0, "template": {"spec": {
                                    "restartPolicy": "Never",
                                    "containers": [{"name": "main", "image": "public.ecr.aws/docker/library/busybox:1.36",
                                                    "command": ["true"]}]}}}}),
        "ResultSelector": {"status.$": "$.status"}, "ResultPath": "$.job",
        "Catch": _catch(f"{u} delete job"), "Next": f"{u} route"}
    firsts = []
    for b in range(3):
        then = f"{u} parallel"
        if leak and b == 0:
            then = next_name  # this branch skips the cleanup: a leak to report
        firsts.append(_chain(states, f"{u} branch {b}", chains[b], then, i, catch=f"{u} delete job"))
    states[f"{u} route"] = {
        "Type": "Choice",
        "Choices": [{"Variable": "$.mode", "NumericEquals": b, "Next": firsts[b]} for b in range(2)],
        "Default": firsts[2]}
    processor, side = {}, {}
    processor_start = _chain(processor, f"{u} item", chains[3], None, i)
    side_start = _chain(side, f"{u} side", chains[4], None, i)
    states[f"{u} parallel"] = {
        "Type": "Parallel", "ResultPath": None, "Catch": _catch(f"{u} delete job"), "Next": f"{u} delete job",
        "Branches": [
            {"StartAt": f"{u} map", "States": {f"{u} map": {
                "Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 4, "ResultPath": None, "End": True,
                "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": processor_start,
                                  "States": processor}}}},
            {"StartAt": side_start, "States": side},
        ]}
    states[f"{u} delete job"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:call",
        "Parameters": dict(eks, Method="DELETE", Path=f"/apis/batch/v1/namespaces/default/jobs/{job}",
                           QueryParameters={"propagationPolicy": ["Foreground"]}),
        "ResultSelector": {"status.$": "$.ResponseBody.status"}, "ResultPath": None, "Retry": RETRY,
        "Catch": _catch(f"{u} delete node group"), "Next": f"{u} delete node group"}
    states[f"{u} delete node group"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:deleteNodegroup.sync",
        "Parameters": {"ClusterName": cluster, "NodegroupName": group}, "ResultPath": None, "Retry": RETRY,
        "Next": f"{u} delete cluster"}
    states[f"{u} delete cluster"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster.sync",
        "Parameters": {"Name": cluster}, "ResultPath": None, "Retry": RETRY, "Next": next_name}


def eks_definition(n_states: int, n_clusters: int, leak_every: int = 10) -> dict:
    """A definition of about ``n_states`` states (nested ones included) creating ``n_clusters`` clusters."""
    n_clusters = max(1, n_clusters)
    budget = max(FIXED + 5, (n_states - 1) // n_clusters)
    states: dict = {}
    for i in range(n_clusters):
        next_name = f"U{i + 1} create cluster" if i + 1 < n_clusters else "Done"
        _unit(states, i, budget, next_name, leak=bool(leak_every) and i % leak_every == leak_every - 1)
    states["Done"] = {"Type": "Succeed"}
    return {"Comment": f"generated: {n_states} states, {n_clusters} clusters", "StartAt": "U0 create cluster",
            "States": states}


LIFECYCLE = 10  # states of one cluster lifecycle in dense_definition


def _lifecycle(states, i, next_name, leak):
    """One cluster lifecycle of LIFECYCLE states named ``L{i} …``; it goes on to ``next_name``."""
    u = f"L{i:05d}"
    cluster, group, job = f"dense-{i}", f"workers-{i}", f"job-{i}"
    eks = {"ClusterName": cluster, "CertificateAuthority.$": "$.eks.Cluster.CertificateAuthority.Data",
           "Endpoint.$": "$.eks.Cluster.Endpoint"}
    states[f"{u} create cluster"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
        "Parameters": {"Name": cluster, "RoleArn": ROLE, "ResourcesVpcConfig": {"SubnetIds": SUBNETS}},
        "ResultPath": "$.eks", "Retry": RETRY, "Catch": _catch(f"{u} delete cluster"),
        "Next": f"{u} create node group"}
    states[f"{u} create node group"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:createNodegroup.sync",
        "Parameters": {"ClusterName": cluster, "NodegroupName": group, "NodeRole": NODE_ROLE, "Subnets": SUBNETS,
                       "ScalingConfig": {"MinSize": 1, "MaxSize": 3, "DesiredSize": 1}},
        "ResultPath": None, "Retry": RETRY, "Catch": _catch(f"{u} delete node group"), "Next": f"{u} run job"}
    states[f"{u} run job"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
        "Parameters": dict(eks, Namespace="default", LogOptions={"RetrieveLogs": True, "LogParameters": {"tailLines": ["20"]}},
                           Job={"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": job},
                                "spec": {"backoffLimit": 0, "template": {"spec": {
                                    "restartPolicy": "Never",
                                    "containers": [{"name": "main", "image": "public.ecr.aws/docker/library/busybox:1.36",
                                                    "command": ["sh", "-c", f"echo lifecycle {i}"]}]}}}}),
        "ResultSelector": {"status.$": "$.status"}, "ResultPath": "$.job", "TimeoutSeconds": 3600,
        "Catch": _catch(f"{u} delete job"), "Next": f"{u} list pods"}
    states[f"{u} list pods"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:call",
        "Parameters": dict(eks, Method="GET", Path="/api/v1/namespaces/default/pods",
                           QueryParameters={"labelSelector": [f"job-name={job}"], "limit": ["50"]}),
        "ResultSelector": {"count.$": "States.ArrayLength($.ResponseBody.items)"}, "ResultPath": "$.pods",
        "Retry": RETRY, "Catch": _catch(f"{u} delete job"), "Next": f"{u} route"}
    choices = [{"Variable": "$.pods.count", "NumericGreaterThan": 0, "Next": f"{u} wait"}]
    if leak:
        choices.append({"Variable": "$.job.status", "StringEquals": "Failed", "Next": f"{u} failed"})  # no cleanup
    states[f"{u} route"] = {"Type": "Choice", "Choices": choices, "Default": f"{u} delete job"}
    states[f"{u} wait"] = {"Type": "Wait", "Seconds": 30, "Next": f"{u} list pods"}
    states[f"{u} delete job"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:call",
        "Parameters": dict(eks, Method="DELETE", Path=f"/apis/batch/v1/namespaces/default/jobs/{job}",
                           QueryParameters={"propagationPolicy": ["Foreground"]}),
        "ResultSelector": {"status.$": "$.ResponseBody.status"}, "ResultPath": None, "Retry": RETRY,
        "Catch": _catch(f"{u} delete node group"), "Next": f"{u} delete node group"}
    states[f"{u} delete node group"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:deleteNodegroup.sync",
        "Parameters": {"ClusterName": cluster, "NodegroupName": group}, "ResultPath": None, "Retry": RETRY,
        "Catch": _catch(f"{u} delete cluster"), "Next": f"{u} delete cluster"}
    states[f"{u} delete cluster"] = {
        "Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster.sync",
        "Parameters": {"Name": cluster}, "ResultPath": None, "Retry": RETRY,
        "Catch": _catch(f"{u} failed"), "Next": next_name}
    states[f"{u} failed"] = {"Type": "Fail", "Error": "Lifecycle.Failed", "Cause": f"lifecycle {i} failed"}


def dense_definition(n_states: int, leak_every: int = 10) -> dict:
    """An EKS-dense definition: ``n_states // 10`` chained 10-state cluster lifecycles, then Succeed."""
    n = max(1, n_states // LIFECYCLE)
    states: dict = {}
    for i in range(n):
        next_name = f"L{i + 1:05d} create cluster" if i + 1 < n else "Done"
        _lifecycle(states, i, next_name, leak=bool(leak_every) and i % leak_every == leak_every - 1)
    states["Done"] = {"Type": "Succeed"}
    return {"Comment": f"generated EKS-dense: {n} cluster lifecycles of {LIFECYCLE} states",
            "StartAt": "L00000 create cluster", "TimeoutSeconds": 86400, "States": states}


def count_states(machine) -> int:
    work, n = [machine], 0
    while work:
        m = work.pop()
        for st in (m.get("States") or {}).values():
            n += 1
            work.extend(st.get("Branches") or [])
            if isinstance(st.get("ItemProcessor"), dict):
                work.append(st["ItemProcessor"])
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--states", type=int, nargs="+", default=[5000])
    ap.add_argument("--clusters", type=int, default=50)
    ap.add_argument("--leak-every", type=int, default=10)
    ap.add_argument("-o", "--output", required=True, help="a file (one size) or a folder (several sizes)")
    ap.add_argument("--time", metavar="SELECT", nargs="?", const="ALL",
                    help="then time `aslint check` on each file (best of 3; SELECT e.g. LCY, default every rule)")
    args = ap.parse_args(argv)
    from pathlib import Path

    out = Path(args.output)
    for n in args.states:
        target = out if len(args.states) == 1 else out / f"eks-{n}.asl.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        definition = eks_definition(n, args.clusters, args.leak_every)
        target.write_text(json.dumps(definition, indent=2) + "\n", encoding="utf-8")
        print(f"{target}: {count_states(definition)} states, {args.clusters} clusters")
        if args.time:
            print(f"  aslint check{'' if args.time == 'ALL' else ' --select ' + args.time}: {_time(target, args.time):.2f} s")
    return 0


def _time(path, select) -> float:
    """Best of three wall-clock times of linting ``path`` in this process (no interpreter start-up)."""
    import time
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from aslint.api import lint_text

    text = Path(path).read_text(encoding="utf-8")
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        lint_text(text, Path(path).name, select=None if select == "ALL" else select.split(","))
        best = min(best, time.perf_counter() - start)
    return best


if __name__ == "__main__":
    sys.exit(main())
