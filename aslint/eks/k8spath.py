"""Splitting a Kubernetes REST path (what eks:call sends) into its parts."""

from __future__ import annotations

from aslint.core.record import dataclass

from aslint.asl.dynamic import is_dynamic


@dataclass
class K8sPath:
    group_version: str  # 'v1' (core) or 'batch/v1'
    namespace: str | None
    resource: str
    name: str | None
    subresource: str | None

    @property
    def collection(self) -> bool:
        """A path that lists (no object name after the resource)."""
        return self.name is None


def parse(path) -> K8sPath | None:
    """Parse /api/v1/… or /apis/GROUP/VERSION/…; None for anything else (or a path with placeholders)."""
    if not isinstance(path, str) or is_dynamic(path):
        return None
    segs = [s for s in path.split("?", 1)[0].split("/") if s]
    if len(segs) >= 2 and segs[0] == "api":
        gv, rest = segs[1], segs[2:]
    elif len(segs) >= 3 and segs[0] == "apis":
        gv, rest = f"{segs[1]}/{segs[2]}", segs[3:]
    else:
        return None
    if not rest:
        return None
    namespace = None
    if rest[0] == "namespaces" and len(rest) >= 3:
        namespace, rest = rest[1], rest[2:]
    resource = rest[0]
    name = rest[1] if len(rest) > 1 else None
    sub = "/".join(rest[2:]) or None
    return K8sPath(gv, namespace, resource, name, sub)
