"""The IAM action catalog: policyuniverse's (every service, data of 2023-11) joined with aslint's
curated data (``schemas/iam/actions.json``: current EKS and IAM action names, and the resource types
of the actions aslint's rules reason about).

Loaded lazily and once: a run without policies never imports policyuniverse.
"""

from __future__ import annotations

import functools
import re

from aslint.iam.arn import glob_match


@functools.lru_cache(maxsize=None)
def curated() -> dict:
    from aslint.core.resources import schema

    return schema("iam/actions.json")


@functools.lru_cache(maxsize=None)
def _universe() -> dict:
    """prefix (lower) -> {action lower: Action name} from policyuniverse, joined with the curated names."""
    services: dict = {}
    try:
        import policyuniverse  # noqa: F401  (loads its data.json on import)

        data = policyuniverse.service_data
    except Exception:  # not installed or broken data: the curated catalog alone
        data = {}
    for service in data.values():
        if not isinstance(service, dict):
            continue
        prefix = str(service.get("prefix", "")).lower()
        if not prefix:
            continue
        names = services.setdefault(prefix, {})
        for name in service.get("actions", {}) or {}:
            names[name.lower()] = name
    for full in curated()["actions"]:
        prefix, name = full.split(":", 1)
        services.setdefault(prefix.lower(), {})[name.lower()] = name
    return services


def services() -> dict:
    return _universe()


def complete(prefix: str) -> bool:
    """aslint's curated list of this service's actions is complete (an unknown name is an error)."""
    return prefix.lower() in curated().get("complete_services", ())


def known_prefix(prefix: str) -> bool:
    return prefix.lower() in _universe()


def canonical(action: str) -> str | None:
    """``eks:describecluster`` -> ``eks:DescribeCluster``; None when unknown."""
    if not isinstance(action, str) or ":" not in action:
        return None
    prefix, name = action.split(":", 1)
    found = _universe().get(prefix.lower(), {}).get(name.lower())
    return f"{prefix.lower()}:{found}" if found else None


def expand(pattern: str) -> list:
    """Every known action a pattern (``eks:Describe*``, ``*``) stands for, canonical names."""
    if not isinstance(pattern, str):
        return []
    return list(_expand(pattern))


@functools.lru_cache(maxsize=1024)
def _expand(pattern: str) -> tuple:
    if ":" not in pattern:
        if pattern.strip() == "*":
            return tuple(f"{p}:{n}" for p, names in _universe().items() for n in names.values())
        return ()
    prefix, name = pattern.split(":", 1)
    out = []
    for p, names in _universe().items():
        if not glob_match(prefix, p, ignore_case=True):
            continue
        for n in names.values():
            if glob_match(name, n, ignore_case=True):
                out.append(f"{p}:{n}")
    return tuple(sorted(out))


def resource_types(action: str):
    """The resource types ``action`` authorises on: a list ([] = only ``*``), or None when aslint does not know."""
    entry = curated()["actions"].get(action) or curated()["actions"].get(canonical(action) or "")
    return None if entry is None else entry.get("resources")


def arn_template(prefix: str, rtype: str) -> str | None:
    return curated()["resource_types"].get(f"{prefix}:{rtype}")


def suggest(action: str) -> str | None:
    """The closest known action name (did-you-mean), or None."""
    from aslint.core.nearest import close_matches

    if not isinstance(action, str) or ":" not in action:
        return None
    prefix, name = action.split(":", 1)
    universe = _universe()
    if prefix.lower() not in universe:
        near = close_matches(prefix.lower(), list(universe), n=1, cutoff=0.75)
        if not near:
            return None
        prefix = near[0]
        found = universe[prefix].get(name.lower())
        if found:
            return f"{prefix}:{found}"
    names = universe.get(prefix.lower(), {})
    near = close_matches(name.lower(), list(names), n=1, cutoff=0.7)
    return f"{prefix.lower()}:{names[near[0]]}" if near else None


def catalog_dates() -> str:
    """One line per catalog, for ``aslint --version`` (reads no catalog data)."""
    try:
        from importlib.metadata import version

        pu = version("policyuniverse")
    except Exception:
        pu = None
    lines = []
    if pu:
        m = re.search(r"(\d{4})(\d{2})(\d{2})$", pu)
        date = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else "unknown date"
        lines.append(f"IAM action catalog: policyuniverse {pu} (data of {date})")
    else:
        lines.append("IAM action catalog: policyuniverse not installed (curated data only)")
    try:
        import json

        from aslint.core.resources import data_dir

        with open(data_dir("schemas") / "iam" / "actions.json", encoding="utf-8") as handle:
            head = json.load(handle)
        with open(data_dir("schemas") / "iam" / "needs.json", encoding="utf-8") as handle:
            needs = json.load(handle)
        lines.append(f"curated IAM data (EKS, IAM, Step Functions, SNS, Lambda): as of {head.get('as_of')} ({head.get('source')})")
        lines.append(f"integration needs table: as of {needs.get('as_of')}")
    except Exception:
        pass
    return "\n".join(lines)
