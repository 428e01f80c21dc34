"""EKS033: work on a cluster right after a request-response createCluster (still CREATING)."""

from __future__ import annotations

from aslint.eks.crossstate import cluster_key, creations_reaching
from aslint.eks.tasks import eks_tasks
from aslint.core.finding import Finding
from aslint.core.rule import Rule

USERS = ("createNodegroup", "createFargateProfile", "runJob", "call")


class ClusterNotActive(Rule):
    code = "EKS033"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api not in USERS:
                continue
            key = cluster_key(task)
            if key is None:
                continue
            for create in creations_reaching(ctx.doc, task, key, request_response_only=True):
                yield Finding(task.ref.pointer,
                              f"state '{task.ref.name}' uses cluster {key[1]!r} right after '{create.ref.name}' started "
                              f"creating it with the request-response createCluster, which returns while the cluster is "
                              f"still CREATING (this call fails). Use 'arn:aws:states:::eks:createCluster.sync', or wait "
                              f"for ACTIVE in a loop (aws-sdk:eks:describeCluster + Choice on Cluster.Status) before it.",
                              target="key", related=[(create.ref.pointer, "request-response createCluster")])
                break
