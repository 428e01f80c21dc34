"""EKS034: runJob/call on a cluster the workflow created with EndpointPublicAccess false."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.core.rule import Rule
from aslint.eks.crossstate import creations_reaching, kubernetes_tasks


def _private(create) -> bool:
    vpc = create.params.get("ResourcesVpcConfig") if isinstance(create.params, dict) else None
    return isinstance(vpc, dict) and vpc.get("EndpointPublicAccess") is False


class KubernetesApiOnPrivateCluster(Rule):
    code = "EKS034"

    def check(self, ctx):
        for task, key in kubernetes_tasks(ctx.doc):
            for create in creations_reaching(ctx.doc, task, key):
                if _private(create):
                    yield Finding(f"{task.ref.pointer}/Resource",
                                  f"eks:{task.api} needs the cluster's public endpoint, but '{create.ref.name}' creates it "
                                  "with EndpointPublicAccess false",
                                  hint="Set EndpointPublicAccess to true (limit it with PublicAccessCidrs) or reach the "
                                       "cluster from inside the VPC, e.g. a Lambda function",
                                  related=[(f"{create.ref.pointer}", "the cluster is created here without a public endpoint")])
                    break
