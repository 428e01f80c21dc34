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
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions with valgrind's callgrind instead of timing (steady on a busy machine)")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        return _child(args.states, args.child)
    if args.instructions:
        return _instructions(args.states)

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

    import resource

    cold, warm, cold_cpu, warm_cpu = [], [], [], []
    needle = '"IntervalSeconds": 30'
    for i in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "aslint", "check", "--isolated", "--exit-zero", "-q", path],
                       cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        cold.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cold_cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        edited = text.replace(needle, f'"IntervalSeconds": {31 + i}', 1)
        session.open(path, edited)
        start, cpu = time.perf_counter(), time.process_time()
        session.lint(path)
        warm.append(time.perf_counter() - start)
        warm_cpu.append(time.process_time() - cpu)

    print(f"input: {count_states(definition)} states, {len(text) // 1024} KiB; {args.runs} alternating runs")
    for label, c_list, w_list in (("wall", cold, warm), ("CPU", cold_cpu, warm_cpu)):
        c, w = statistics.median(c_list), statistics.median(w_list)
        print(f"{label}: cold aslint check median {c:.3f} s (min {min(c_list):.3f}, max {max(c_list):.3f}); "
              f"re-lint after an edit median {w:.3f} s (min {min(w_list):.3f}, max {max(w_list):.3f}); "
              f"ratio {w / c:.2f} (target <= 0.50) {'PASS' if w / c <= 0.5 else 'FAIL'}")
    return 0


def _definition_file(states: int):
    from generate import eks_definition

    folder = os.path.join(tempfile.gettempdir(), f"aslint-lsp-bench-{states}")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"states{states}.asl.json")
    text = json.dumps(eks_definition(states, max(states // 100, 1)), indent=2)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return folder, path, text


def _child(states: int, edits: int) -> int:
    """Open the file in a session (its first lint), then ``edits`` edits with a re-lint each."""
    from aslint.lsp.session import Session

    folder, path, text = _definition_file(states)
    session = Session(folder)
    session.open(path, text)
    session.lint(path)
    for i in range(edits):
        session.open(path, text.replace('"IntervalSeconds": 30', f'"IntervalSeconds": {31 + i}', 1))
        session.lint(path)
    return 0


def _callgrind(command, cwd) -> int:
    import re

    out = os.path.join(tempfile.gettempdir(), "aslint-lsp-bench.callgrind")
    proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
                          cwd=cwd, capture_output=True, text=True, check=False)
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if not m:
        raise SystemExit(f"valgrind gave no count: {proc.stderr[-500:]}")
    return int(m.group(1))


def _instructions(states: int) -> int:
    folder, path, _ = _definition_file(states)
    me = os.path.abspath(__file__)
    cold = _callgrind([sys.executable, "-m", "aslint", "check", "--isolated", "--exit-zero", "-q", path], folder)
    opened = _callgrind([sys.executable, me, "--states", str(states), "--child", "0"], folder)
    edited = _callgrind([sys.executable, me, "--states", str(states), "--child", "2"], folder)
    relint = (edited - opened) / 2
    print(f"instructions (callgrind), {states} states: cold aslint check {cold:,}; "
          f"server re-lint after an edit {relint:,.0f} (mean of 2); ratio {relint / cold:.2f} "
          f"(target <= 0.50) {'PASS' if relint / cold <= 0.5 else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
