"""IAM/STS ARNs as aws-auth sees them (kubernetes-facts §4.3, §4.4): parse, classify, strip a role path."""

from __future__ import annotations

from aslint.core import lazyre
from aslint.core.record import dataclass

# arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE
_ARN = lazyre.compile(r"^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):(iam|sts):([a-z0-9-]*):(\d{12}):(.+)$")


@dataclass(frozen=True)
class Arn:
    text: str
    partition: str
    service: str
    account: str
    resource: str  # e.g. "role/service-role/my-role"
    rtype: str  # "role", "user", "assumed-role", "instance-profile", "group", "root", "federated-user", …
    path: str  # "service-role/" (without the leading slash), "" when none
    name: str
    resource_start: int  # offset of the resource part in text

    @property
    def path_span(self) -> tuple[int, int]:
        """Offsets of the path (e.g. "service-role/") inside ``text``."""
        start = self.resource_start + len(self.rtype) + 1
        return (start, start + len(self.path))

    def canonical_role(self) -> str | None:
        """arn:P:iam::ACCT:role/NAME for a role (path dropped) or an STS assumed-role ARN."""
        if self.rtype == "role" and self.service == "iam":
            return f"arn:{self.partition}:iam::{self.account}:role/{self.name}"
        if self.rtype == "assumed-role" and self.service == "sts":
            role = self.resource.split("/")[1] if self.resource.count("/") >= 2 else None
            return f"arn:{self.partition}:iam::{self.account}:role/{role}" if role else None
        return None


def parse(text) -> Arn | None:
    """An IAM/STS ARN, or None when ``text`` is not one (including templated or malformed values)."""
    if not isinstance(text, str):
        return None
    m = _ARN.match(text)
    if not m:
        return None
    resource = m.group(5)
    if resource == "root":
        return Arn(text, m.group(1), m.group(2), m.group(4), resource, "root", "", "root", m.start(5))
    rtype, sep, rest = resource.partition("/")
    if not sep or not rest or rest.endswith("/") or "//" in rest:
        return None
    if m.group(2) == "sts":
        # assumed-role/NAME/SESSION and federated-user/NAME: the rest is not a path
        return Arn(text, m.group(1), "sts", m.group(4), resource, rtype, "", rest, m.start(5))
    path, _, name = rest.rpartition("/")
    return Arn(text, m.group(1), "iam", m.group(4), resource, rtype, path + "/" if path else "", name, m.start(5))


from aslint.asl.dynamic import is_dynamic  # noqa: E402,F401  (the one test)


def same_role(a: str, b: str) -> bool:
    """Whether two role ARNs name the same role as aws-auth matches it (path-less, case-insensitive)."""
    pa, pb = parse(a), parse(b)
    ca = pa.canonical_role() if pa else None
    cb = pb.canonical_role() if pb else None
    return bool(ca and cb and ca.lower() == cb.lower())
