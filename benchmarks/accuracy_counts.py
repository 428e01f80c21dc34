"""Accuracy figures of a corpus snapshot (from corpus_codes.py) against the corpus MANIFEST's intents.

    python3 benchmarks/accuracy_counts.py SNAPSHOT.json [CORPUS]

Prints, per intent: files with at least one error-severity finding. For 'sample' and
'valid-fixture' files (deployed samples, peers' valid fixtures) an error is a false alarm unless
the file really is broken; for 'invalid-fixture' files a file with no error is a miss unless the
peer's fixture is only invalid for the peer (a validator's own stricter rule). TPL002 (a template's
DefinitionUri file that the corpus does not hold) is counted apart: it is about the corpus, not AWS.
"""

from __future__ import annotations

import collections
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus"))


def counts(snapshot: dict, corpus: str) -> dict:
    with open(os.path.join(corpus, "MANIFEST.tsv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = collections.Counter()
    for row in rows:
        entries = snapshot["by_file"].get(row["file"], [])
        errors = [e for e in entries if e.split()[1] == "error"]
        other = [e for e in errors if not e.startswith("TPL002 ")]
        out[(row["intent"], "files")] += 1
        out[(row["intent"], "with an error")] += bool(errors)
        out[(row["intent"], "with an error other than TPL002")] += bool(other)
    return out


def main(argv) -> int:
    if not argv:
        print(__doc__)
        return 2
    with open(argv[0], encoding="utf-8") as fh:
        snapshot = json.load(fh)
    result = counts(snapshot, argv[1] if len(argv) > 1 else DEFAULT_CORPUS)
    for (intent, what), n in sorted(result.items()):
        print(f"{intent:16} {what:34} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
