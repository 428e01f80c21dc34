"""Small builders for the IAM tests."""

import json

from aslint.api import lint_text
from aslint.core.settings import Settings


def task(resource, params, name="Step", end=True):
    state = {"Type": "Task", "Resource": resource, "Parameters": params}
    state["End"] = True
    return {"StartAt": name, "States": {name: state}}


NODEGROUP = task("arn:aws:states:::eks:createNodegroup.sync", {
    "ClusterName": "demo", "NodegroupName": "workers",
    "NodeRole": "arn:aws:iam::111122223333:role/demo-node", "Subnets": ["subnet-0aacf887d9f00e6a7"]})

CLUSTER_ROLE = "arn:aws:iam::111122223333:role/demo-cluster"
CLUSTER = task("arn:aws:states:::eks:createCluster.sync", {
    "Name": "demo", "RoleArn": CLUSTER_ROLE,
    "ResourcesVpcConfig": {"SubnetIds": ["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"]}})

PASS_EKS = {"StringEquals": {"iam:PassedToService": "eks.amazonaws.com"}}


def policy(*statements, version="2012-10-17"):
    out = {"Statement": list(statements)}
    if version:
        out = {"Version": version, **out}
    return out


def allow(action, resource="*", condition=None, **extra):
    stmt = {"Effect": "Allow", "Action": action, "Resource": resource, **extra}
    if condition:
        stmt["Condition"] = condition
    return stmt


def lint_files(files: dict, settings: Settings) -> list:
    """Every diagnostic of a run over ``files`` (name -> text) in a temporary folder, file names relative."""
    import os
    import tempfile

    from aslint.cli import run
    from aslint.core.engine import RuleSet

    with tempfile.TemporaryDirectory(prefix="aslint-iam-") as folder:
        for name, body in files.items():
            with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
                handle.write(body)

        class _Args:
            jobs = 1
            fix = diff = False
            stdin_filename = None

        results = run([(os.path.join(folder, n), True) for n in files], RuleSet(settings), _Args())
        out = []
        for r in results:
            for d in r.diagnostics:
                d.file = os.path.basename(d.file)
                out.append(d)
        return out


def lint_pair(definition, *policies, select=("IAM",), region="us-east-1"):
    """Diagnostics of a definition paired (by the sidecar convention) with its policies, both files' findings."""
    files = {"machine.asl.json": json.dumps(definition, indent=2)}
    for i, p in enumerate(policies):
        files[f"machine.p{i}.policy.json"] = json.dumps(p, indent=2)
    return lint_files(files, Settings(select=list(select), region=region))


def lint_policy(p, select=("IAM",)):
    return lint_text(json.dumps(p, indent=2), "policy.json", settings=Settings(select=list(select)))


def by_code(diagnostics, code):
    return [d for d in diagnostics if d.code == code]
