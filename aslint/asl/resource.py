"""The one parser of a Task state's ``Resource``: what it names, and its parts.

``parse(text)`` gives a :class:`Resource` for every ARN form Step Functions knows (an integration
``arn:PARTITION:states:REGION:ACCOUNT:SERVICE:API[.PATTERN]``, an SDK integration
``…:aws-sdk:SERVICE:API[.PATTERN]``, a Lambda function, an activity) and for anything else that
starts with ``arn:`` (kind ``other``). The partition may be a template placeholder
(``${AWS::Partition}``, ``${Partition}``), as templates write it: every family sees such a Resource
alike. None for what is not a string or not an ARN at all.
"""

from __future__ import annotations

from aslint.core import lazyre
import functools
import re
from aslint.core.record import dataclass

_ARN = lazyre.compile(r"^arn:(?P<partition>\$\{[^}]*\}|[A-Za-z0-9-]*):(?P<service>[A-Za-z0-9-]*):(?P<rest>.*)$", re.S)
_STATES = lazyre.compile(r"^(?P<region>[^:]*):(?P<account>[^:]*):(?P<tail>.*)$", re.S)


@dataclass(frozen=True)
class Resource:
    text: str
    #: "integration" (optimized), "sdk", "lambda", "activity", or "other"
    kind: str
    partition: str
    region: str = ""
    account: str = ""
    #: the integrated service (``eks``, ``lambda``, …; for ``sdk`` the SDK service, e.g. ``s3``)
    service: str = ""
    #: the API (``createCluster``, ``invoke``, …); for a Lambda function its name and qualifier
    api: str = ""
    #: the suffix after the API: ``''``, ``'.sync'``, ``'.sync:2'``, ``'.waitForTaskToken'``, or another
    pattern: str = ""

    @property
    def key(self) -> str:
        """``service:api``, the key of the integrations and IAM needs tables."""
        return f"{self.service}:{self.api}"

    @property
    def templated(self) -> bool:
        """The partition is a template placeholder (``${AWS::Partition}``)."""
        return self.partition.startswith("${")


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> Resource | None:
    m = _ARN.match(text.strip())
    if m is None:
        return None
    partition, arn_service, rest = m.group("partition"), m.group("service"), m.group("rest")
    if arn_service == "lambda":
        return Resource(text, "lambda", partition, service="lambda", api=rest)
    if arn_service != "states":
        return Resource(text, "other", partition, service=arn_service, api=rest)
    parts = _STATES.match(rest)
    if parts is None:
        return Resource(text, "other", partition, service="states", api=rest)
    region, account, tail = parts.group("region"), parts.group("account"), parts.group("tail")
    service, sep, call = tail.partition(":")
    if service == "activity" and sep:
        return Resource(text, "activity", partition, region, account, "activity", call)
    if not sep or not service or not call:
        return Resource(text, "other", partition, region, account, service, call)
    kind = "integration"
    if service == "aws-sdk":
        kind = "sdk"
        sdk_service, sep, call = call.partition(":")
        if not sep:
            return Resource(text, "other", partition, region, account, "aws-sdk", sdk_service)
        service = sdk_service
    api, dot, suffix = call.partition(".")
    return Resource(text, kind, partition, region, account, service, api, dot + suffix)


def parse(resource) -> Resource | None:
    """The parts of a Resource (see the module's doc), or None."""
    if not isinstance(resource, str):
        return None
    return _parse(resource)


def eks_integration(resource) -> Resource | None:
    """The Resource when it is an Amazon EKS optimized integration (``arn:…:states:::eks:API``)."""
    parsed = parse(resource)
    return parsed if parsed is not None and parsed.kind == "integration" and parsed.service == "eks" else None
