"""The AUTH family's helpers: IAM ARNs, aws-auth mappings and the eks:call states that write aws-auth."""

from __future__ import annotations
