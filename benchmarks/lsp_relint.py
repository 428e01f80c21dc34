"""The editor server's re-lint after an edit, against a cold ``aslint check`` of the same file.

    python3 benchmarks/lsp_relint.py [--states 2000] [--runs 7]

Both are measured in the same run, alternating: a cold check is a new process (``aslint check
FILE``, start-up included, as a user or pre-commit pays it); a re-lint is what the server does
when a new version of an open document arrives: its session lints the edited text in process,
with the rules loaded once and the workspace's other files cached. Every re-lint gets a text
that differs from the previous one (one value changed), so nothing is answered from a cache of
the same text. Prints the medians and the ratio (target: re-lint <= 0.5 x cold).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    from generate import count_states, eks_definition

    from aslint.lsp.session import Session

    folder = tempfile.mkdtemp(prefix="aslint-lsp-bench-")
    path = os.path.join(folder, f"states{args.states}.asl.json")
    definition = eks_definition(args.states, max(args.states // 100, 1))
    text = json.dumps(definition, indent=2)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)

    session = Session(folder)
    session.open(path, text)
    session.lint(path)  # the document was opened: the server's first lint

    cold, warm = [], []
    needle = '"IntervalSeconds": 30'
    for i in range(args.runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "aslint", "check", "--isolated", "--exit-zero", "-q", path],
                       cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        cold.append(time.perf_counter() - start)
        edited = text.replace(needle, f'"IntervalSeconds": {31 + i}', 1)
        session.open(path, edited)
        start = time.perf_counter()
        session.lint(path)
        warm.append(time.perf_counter() - start)

    c, w = statistics.median(cold), statistics.median(warm)
    print(f"input: {count_states(definition)} states, {len(text) // 1024} KiB")
    print(f"cold aslint check: median {c:.3f} s (min {min(cold):.3f}, max {max(cold):.3f}) over {args.runs}")
    print(f"server re-lint after an edit: median {w:.3f} s (min {min(warm):.3f}, max {max(warm):.3f})")
    print(f"ratio re-lint / cold: {w / c:.2f} (target <= 0.50) {'PASS' if w / c <= 0.5 else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
