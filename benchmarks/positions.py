"""What exact positions cost: parsing alone vs the span table, on a ~1 MB definition.

    python3 benchmarks/positions.py

Clean files pay only for ``jsonparse.loads`` (the C decoder plus a duplicate-key hook); positions are
found only for what is reported (``LazySpans``: C-speed skipping of siblings); the full table
(``jsonparse.index``) is built only for files with duplicate keys or whole-tree needs.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aslint import jsonparse  # noqa: E402


def definition(n_states: int) -> str:
    states = {}
    for i in range(n_states):
        states[f"Run job {i}"] = {
            "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
            "Parameters": {"ClusterName": "c", "CertificateAuthority.$": "$.eks.Cluster.CertificateAuthority.Data",
                           "Endpoint.$": "$.eks.Cluster.Endpoint", "Namespace": "jobs",
                           "Job": {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": f"job-{i}"},
                                   "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [
                                       {"name": "main", "image": "busybox", "command": ["sh", "-c", "echo hello"]}]}}}}},
            "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}],
            "Next": f"Run job {i + 1}" if i + 1 < n_states else "Done"}
    states["Done"] = {"Type": "Succeed"}
    return json.dumps({"StartAt": "Run job 0", "States": states}, indent=2)


def timed(fn, text, runs=7):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    text = definition(600)
    plain = timed(json.loads, text)
    loads = timed(jsonparse.loads, text)
    index = timed(jsonparse.index, text)
    print(f"input: {len(text.encode()):,} bytes, {text.count(chr(10)) + 1:,} lines")
    print(f"json.loads                      {plain * 1000:8.1f} ms  (1.0x)")
    print(f"jsonparse.loads (clean files)   {loads * 1000:8.1f} ms  ({loads / plain:.1f}x)")
    print(f"jsonparse.index (full table)    {index * 1000:8.1f} ms  ({index / plain:.1f}x)")

    def locate_50(text):
        spans = jsonparse.LazySpans(text)
        for i in range(0, 600, 12):
            spans.get(f"/States/Run job {i}/Parameters/Job/metadata/name")

    lazy = timed(locate_50, text)
    print(f"LazySpans: 50 findings located  {lazy * 1000:8.1f} ms  ({lazy / plain:.1f}x)")


if __name__ == "__main__":
    main()
