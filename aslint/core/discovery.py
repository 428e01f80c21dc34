"""Which files a run reads: explicit files, directories (recursively), globs, and stdin."""

from __future__ import annotations

import fnmatch
import os

SUFFIXES = (".json", ".yaml", ".yml", ".tf")


def _excluded(name: str, relpath: str, patterns) -> bool:
    for pattern in patterns:
        if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(relpath, pattern) or fnmatch.fnmatch(relpath, pattern.rstrip("/") + "/*"):
            return True
    return False


def expand(paths: list[str], excludes: list[str]) -> tuple[list[tuple[str, bool]], list[str]]:
    """Returns ([(path, explicit)], [problems]) in a stable order, each file once."""
    out: list[tuple[str, bool]] = []
    problems: list[str] = []
    seen: set = set()

    def add(path: str, explicit: bool):
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            out.append((path, explicit))

    for arg in paths:
        if arg == "-":
            add("-", True)
            continue
        if os.path.isdir(arg) and not arg.rstrip("/").lower().endswith(SUFFIXES):
            _walk(arg, excludes, add)
        elif os.path.lexists(arg):
            add(arg, True)
        elif any(ch in arg for ch in "*?["):
            import glob  # only for patterns

            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                problems.append(f"{arg}: no file matches this pattern")
            for match in matches:
                if os.path.isdir(match) and not match.lower().endswith(SUFFIXES):
                    _walk(match, excludes, add)
                elif match.lower().endswith(SUFFIXES):
                    add(match, True)  # a directory named like a file gets its diagnostic
        else:
            problems.append(f"{arg}: no such file or directory")
    return out, problems


def _walk(top: str, excludes, add):
    visited = set()
    for folder, dirs, files in os.walk(top, followlinks=True):
        try:
            real = os.path.realpath(folder)
        except OSError:
            continue
        if real in visited:  # a symlink loop
            dirs[:] = []
            continue
        visited.add(real)
        rel_folder = os.path.relpath(folder, top)
        dirs[:] = sorted(d for d in dirs if not _excluded(d, os.path.normpath(os.path.join(rel_folder, d)), excludes))
        for name in sorted(files):
            if not name.lower().endswith(SUFFIXES):
                continue
            rel = os.path.normpath(os.path.join(rel_folder, name))
            if _excluded(name, rel, excludes):
                continue
            add(os.path.join(folder, name) if folder != "." else name, False)
