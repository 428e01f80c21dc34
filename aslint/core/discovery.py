"""Which files a run reads: explicit files, directories (recursively), globs, and stdin.

A directory walk skips the excluded names and, in a git work tree, what git ignores
(``.gitignore``, ``.git/info/exclude``, the global excludes; asked of ``git ls-files``, which reads
them exactly as git does) unless ``respect_gitignore`` is off. Files named on the command line
are linted even when excluded, unless ``force_exclude`` (ruff's meaning: pre-commit names every
staged file, and ``exclude`` must hold there too).
"""

from __future__ import annotations

import fnmatch
import functools
import os

SUFFIXES = (".json", ".yaml", ".yml", ".tf")


def _excluded(name: str, relpath: str, patterns) -> bool:
    """``name`` or ``relpath`` matches a pattern, or ``relpath`` lies below one (fnmatch's meaning)."""
    by_name, by_path = _matchers(tuple(patterns))
    return by_name(os.path.normcase(name)) is not None or by_path(os.path.normcase(relpath)) is not None


@functools.lru_cache(maxsize=8)
def _matchers(patterns: tuple):
    """The patterns as two regular expressions (what fnmatch.fnmatch tries one by one): one for a
    name, one for a relative path (the pattern itself, or anything below it)."""
    import re

    def either(items):
        return re.compile("|".join(f"(?:{fnmatch.translate(os.path.normcase(p))})" for p in items) or "(?!)").match

    below = [p.rstrip("/") + "/*" for p in patterns]
    return either(patterns), either(list(patterns) + below)


def force_excluded(path: str, excludes) -> bool:
    """Whether an explicitly named file lies under (or is) an excluded name or path."""
    rel = os.path.normpath(path if not os.path.isabs(path) else os.path.relpath(path))
    parts = [p for p in rel.replace("\\", "/").split("/") if p not in ("", ".")]
    for i in range(len(parts)):
        if parts[i] == ".." :
            continue
        if _excluded(parts[i], "/".join(parts[: i + 1]), excludes):
            return True
    return False


def _git_listed(top: str) -> "set | None":
    """The files git does not ignore below ``top`` (relative paths), or None outside a work tree."""
    here = os.path.abspath(top)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            break
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent
    import subprocess

    try:
        proc = subprocess.run(["git", "-C", top, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                              capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    return {os.path.normpath(p) for p in proc.stdout.decode("utf-8", "surrogateescape").split("\0") if p}


def expand(paths: list[str], excludes: list[str], *, force_exclude: bool = False,
           respect_gitignore: bool = True) -> tuple[list[tuple[str, bool]], list[str]]:
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
            _walk(arg, excludes, add, respect_gitignore)
        elif os.path.lexists(arg):
            if not (force_exclude and force_excluded(arg, excludes)):
                add(arg, True)
        elif any(ch in arg for ch in "*?["):
            import glob  # only for patterns

            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                problems.append(f"{arg}: no file matches this pattern")
            for match in matches:
                if os.path.isdir(match) and not match.lower().endswith(SUFFIXES):
                    _walk(match, excludes, add, respect_gitignore)
                elif match.lower().endswith(SUFFIXES) and not (force_exclude and force_excluded(match, excludes)):
                    add(match, True)  # a directory named like a file gets its diagnostic
        else:
            problems.append(f"{arg}: no such file or directory")
    return out, problems


def _walk(top: str, excludes, add, respect_gitignore: bool = True):
    listed = _git_listed(top) if respect_gitignore else None
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
            if listed is not None and rel not in listed:
                continue  # git ignores it
            add(os.path.join(folder, name) if folder != "." else name, False)
