"""The table of Step Functions integrations (``schemas/integrations.json``), read by every family.

Each fact about an integration lives in that table, in one place: which services and APIs
aslint knows, the integration patterns each supports, and for each EKS integration its
parameter schema, cluster and role fields, what it creates or deletes and how it waits, where its
IAM needs are, and its result shape per pattern.
"""

from __future__ import annotations

import functools

#: pattern name -> Resource suffix
PATTERN_SUFFIX = {"request-response": "", "sync": ".sync", "callback": ".waitForTaskToken"}
SUFFIX_PATTERN = {suffix: name for name, suffix in PATTERN_SUFFIX.items()}


@functools.lru_cache(maxsize=None)
def table() -> dict:
    from aslint.core.resources import schema

    return schema("integrations.json")


def service(name: str) -> dict | None:
    """The row of an optimized (or the SDK) integration service, or None when aslint does not know it."""
    return table()["services"].get(name)


def eks(api: str) -> dict | None:
    """The full entry of an EKS integration (``createCluster``, …, ``runJob``, ``call``), or None."""
    return table()["eks"].get(api)


def eks_apis() -> dict:
    """EKS API -> the Resource suffixes it supports (``''`` request-response, ``'.sync'``)."""
    return {api: tuple(PATTERN_SUFFIX[p] for p in entry["patterns"]) for api, entry in table()["eks"].items()}


def services_with(pattern: str) -> frozenset:
    """The optimized services that support ``pattern`` (``sync``, ``callback``, ``request-response``)."""
    return frozenset(name for name, row in table()["services"].items()
                     if row["kind"] == "optimized" and pattern in row["patterns"])


def optimized_services() -> frozenset:
    return frozenset(name for name, row in table()["services"].items() if row["kind"] == "optimized")


def apis(name: str) -> tuple[frozenset, bool]:
    """(API names of an optimized service, whether that list is the whole list AWS accepts)."""
    row = service(name) or {}
    return frozenset(row.get("apis") or ()), bool(row.get("apis_complete"))


def api_patterns(name: str, api: str) -> frozenset | None:
    """The integration patterns AWS documents for ``name:api`` (``request-response``, ``sync``,
    ``callback``), or None when aslint does not know that API's patterns (then only the service's
    patterns are known)."""
    if name == "eks":
        entry = eks(api)
        return frozenset(entry["patterns"]) if entry else None
    per_api = (service(name) or {}).get("api_patterns") or {}
    return frozenset(per_api[api]) if api in per_api else None
