"""Codes per file on a corpus: take a snapshot, or compare one with the current tree.

    python3 benchmarks/corpus_codes.py snapshot OUT.json [CORPUS]   # default CORPUS: ../shared/corpus
    python3 benchmarks/corpus_codes.py diff BEFORE.json [CORPUS]    # prints the per-file code changes

A snapshot maps each file (relative to the corpus) to a sorted list of "CODE severity line:col"
entries, so a change of position, code or severity shows; messages are left out on purpose (a
rewording is not a behaviour change). Exit status of ``diff``: 0 identical, 1 different.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus"))


def snapshot(corpus: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "aslint", "check", "--isolated", "--format", "json", "--exit-zero", "-j", "2", "."],
        cwd=corpus, capture_output=True, text=True)
    report = json.loads(proc.stdout)
    per_file: dict = collections.defaultdict(list)
    for d in report["diagnostics"]:
        per_file[d["file"]].append(f'{d["code"]} {d["severity"]} {d["line"]}:{d["column"]}')
    return {"files": report.get("files"), "by_file": {k: sorted(v) for k, v in sorted(per_file.items())}}


def diff(before: dict, after: dict) -> list[str]:
    out = []
    if before.get("files") != after.get("files"):
        out.append(f'files checked: {before.get("files")} -> {after.get("files")}')
    names = sorted(set(before["by_file"]) | set(after["by_file"]))
    for name in names:
        a = collections.Counter(before["by_file"].get(name, []))
        b = collections.Counter(after["by_file"].get(name, []))
        if a == b:
            continue
        gone = sorted((a - b).elements())
        new = sorted((b - a).elements())
        out.append(f"{name}:")
        out.extend(f"  - {entry}" for entry in gone)
        out.extend(f"  + {entry}" for entry in new)
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("snapshot", "diff"):
        print(__doc__)
        return 2
    corpus = argv[2] if len(argv) > 2 else DEFAULT_CORPUS
    current = snapshot(corpus)
    if argv[0] == "snapshot":
        with open(argv[1], "w", encoding="utf-8") as fh:
            json.dump(current, fh, indent=1, sort_keys=True)
        print(f'{len(current["by_file"])} files with findings, {sum(map(len, current["by_file"].values()))} findings')
        return 0
    with open(argv[1], encoding="utf-8") as fh:
        before = json.load(fh)
    lines = diff(before, current)
    print("\n".join(lines) if lines else "identical")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
