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
                              f"state '{task.ref.name}' uses cluster {str(key[1])[:40]!r} while it is still CREATING (request-response createCluster)",
                              hint="Use eks:createCluster.sync, or wait for ACTIVE (describeCluster and a Choice on Cluster.Status)",
                              target="key", related=[(create.ref.pointer, "request-response createCluster")])
                break
