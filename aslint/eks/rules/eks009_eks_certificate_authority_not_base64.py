"""EKS009: a CertificateAuthority that is not base64 certificate data."""

from __future__ import annotations

from aslint.core import lazyre
import re

from aslint.eks.tasks import eks_tasks
from aslint.eks.values import literal_string
from aslint.core.finding import Finding
from aslint.core.rule import Rule

B64 = lazyre.compile(r"^[A-Za-z0-9+/]*={0,2}$")


class CertificateAuthorityNotBase64(Rule):
    code = "EKS009"

    def check(self, ctx):
        for task in eks_tasks(ctx.doc):
            if task.api not in ("runJob", "call"):
                continue
            value, pointer = literal_string(task, "CertificateAuthority")
            if value is None:
                continue
            if "-----BEGIN" in value:
                yield Finding(pointer, "CertificateAuthority holds a PEM certificate, not its base64 data",
                              hint="Use Cluster.CertificateAuthority.Data from DescribeCluster (the base64 of the PEM)")
                continue
            # documentation samples shorten the data with '...'; whitespace from wrapped text is harmless
            compact = re.sub(r"\s+", "", value).replace("...", "")
            if not compact or not B64.match(compact):
                bad = sorted({c for c in compact if not (c.isascii() and (c.isalnum() or c in "+/="))})
                what = "is empty" if not compact else "has characters outside base64 (" + ", ".join(repr(c) for c in bad[:5]) + ")" if bad else "has '=' padding in the middle"
                yield Finding(pointer, f"CertificateAuthority {what}, not base64 certificate data",
                              hint="Copy Cluster.CertificateAuthority.Data from DescribeCluster, or pass it from a createCluster result")
