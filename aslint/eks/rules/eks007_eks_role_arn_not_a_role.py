"""EKS007: RoleArn / NodeRole / PodExecutionRoleArn that is not an IAM role ARN."""

from __future__ import annotations

from aslint.core import lazyre
import re

from aslint.eks.tasks import eks_tasks
from aslint.eks.values import lookup
from aslint.core.finding import Finding
from aslint.core.rule import Rule

ROLE_FIELDS = {
    "createCluster": ("RoleArn", "the cluster IAM role"),
    "createNodegroup": ("NodeRole", "the node IAM role"),
    "createFargateProfile": ("PodExecutionRoleArn", "the pod execution role"),
}
ARN = lazyre.compile(r"^arn:(?P<partition>[^:]+):(?P<service>[^:]*):(?P<region>[^:]*):(?P<account>[^:]*):(?P<resource>.*)$")


def diagnose(value: str) -> str | None:
    """Why ``value`` is not an IAM role ARN (None when it is one)."""
    m = ARN.match(value)
    if value.strip() == "*":
        return "is a wildcard placeholder, not a role ARN"
    if m is None:
        return "is not an ARN (EKS needs the role's full ARN, not its name)"
    service, resource, account = m.group("service"), m.group("resource"), m.group("account")
    if service == "sts" and resource.startswith("assumed-role/"):
        parts = resource.split("/")
        role = parts[1] if len(parts) > 1 else "NAME"
        return f"is an STS assumed-role session ARN, not the role's (arn:{m.group('partition')}:iam::{account}:role/{role[:40]})"
    if service != "iam":
        return f"is an ARN of service '{service}', not an IAM role"
    kind = resource.split("/", 1)[0]
    if kind == "role" and "/" in resource and resource.split("/")[-1]:
        return None
    if kind == "role":
        return "has no role name after 'role/'"
    if kind == "instance-profile":
        return "is an instance profile ARN, not the role inside it"
    if kind == "user":
        return "is an IAM user ARN, not a role its service can assume"
    return f"is an IAM '{kind}' ARN, not a role"


class RoleArnNotARole(Rule):
    code = "EKS007"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            spec = ROLE_FIELDS.get(task.api)
            if spec is None:
                continue
            field, what = spec
            state, value, pointer = lookup(task, field)
            if state != "literal" or not isinstance(value, str):
                continue
            probe = value
            if "${" in value:  # a template substitution: check what is written around it
                probe = re.sub(r"\$\{[^{}]*\}", "X", value)
                if not probe.startswith("arn:") or re.search(r":(role|user|instance-profile|assumed-role)/", probe) is None:
                    continue
            why = diagnose(probe)
            if why:
                yield Finding(pointer, f"{field} '{value[:60]}' {why}",
                              hint=f"Give the ARN of {what} (arn:aws:iam::ACCOUNT:role/NAME)")
