"""EKS010: createCluster with fewer than two subnets."""

from __future__ import annotations

from aslint.asl.dynamic import is_dynamic
from aslint.eks.tasks import eks_tasks
from aslint.eks.values import lookup
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class ClusterWithFewerThanTwoSubnets(Rule):
    code = "EKS010"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api != "createCluster" or task.has("OutpostConfig"):
                continue  # local clusters on Outposts have their own subnet rules
            state, subnets, pointer = lookup(task, "ResourcesVpcConfig", "SubnetIds")
            if state != "literal" or not isinstance(subnets, list):
                continue
            if not all(isinstance(s, str) and not is_dynamic(s) for s in subnets):
                continue  # a subnet given by a template reference or expression may be anything
            distinct = set(subnets)
            if len(distinct) < 2:
                got = "no subnet" if not distinct else ("one subnet" if len(subnets) < 2 else f"the same subnet {len(subnets)} times")
                yield Finding(pointer, f"ResourcesVpcConfig.SubnetIds lists {got}, but EKS needs two in different Availability Zones",
                              hint="Add a subnet of another Availability Zone")
