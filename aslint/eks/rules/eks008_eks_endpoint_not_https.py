"""EKS008: an Endpoint that is not the cluster's https URL."""

from __future__ import annotations

from aslint.core import lazyre
import re

from aslint.eks.tasks import eks_tasks
from aslint.eks.values import literal_string
from aslint.core.finding import Finding, ValueFix
from aslint.core.rule import Rule

URL = lazyre.compile(r"^https://[^\s/?#]+(:[0-9]+)?/?$")


class EndpointNotHttps(Rule):
    code = "EKS008"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api not in ("runJob", "call"):
                continue
            value, pointer = literal_string(task, "Endpoint")
            if value is None or URL.match(value):
                continue
            fix = None
            if value.startswith("http://"):
                why = "uses http://, but an EKS cluster's API server is reached over https"
                fix = ValueFix(pointer, "https://" + value[len("http://"):], "use https://")
            elif "://" not in value:
                why = "has no https:// scheme"
                if re.match(r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$", value):
                    fix = ValueFix(pointer, "https://" + value, "add https://")
            else:
                why = "is not a plain https URL of a host (no path, query or spaces)"
            yield Finding(pointer, f"Endpoint '{value[:60]}' {why}", fix=fix,
                          hint="Use the API server URL DescribeCluster returns (Cluster.Endpoint), e.g. https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com")
