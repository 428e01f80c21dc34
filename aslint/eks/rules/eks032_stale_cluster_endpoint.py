"""EKS032: literal Endpoint / CertificateAuthority for a cluster the workflow itself creates."""

from __future__ import annotations

from aslint.eks.crossstate import creations_reaching, kubernetes_tasks
from aslint.eks.values import literal_string
from aslint.core.finding import Finding
from aslint.core.rule import Rule


FIELDS = (("Endpoint", "Cluster.Endpoint"), ("CertificateAuthority", "Cluster.CertificateAuthority.Data"))


class StaleClusterEndpoint(Rule):
    code = "EKS032"

    def check(self, ctx):
        for task, key in kubernetes_tasks(ctx.doc):
            literals = [(field, source, pointer) for field, source in FIELDS
                        for value, pointer in [literal_string(task, field)] if value is not None]
            if not literals:
                continue  # nothing stale to report: skip the flow walk
            creates = creations_reaching(ctx.doc, task, key)
            if not creates:
                continue
            create = creates[0]
            for field, source, pointer in literals:
                how = (f"\"{field}.$\": \"$.<ResultPath of '{create.ref.name}'>.{source}\"" if not task.jsonata
                       else f"a {{% … %}} expression reading {source} of '{create.ref.name}''s result")
                yield Finding(pointer, f"{field} is a literal, but the cluster is created by state '{create.ref.name}', so it goes stale",
                              hint=f"Take it from the createCluster result: {how}",
                              related=[(create.ref.pointer, "the cluster is created here")])
