"""``aslint policy DEFINITION [--account A --region R]``: print the least-privilege IAM policy (JSON)
the state machine's role needs; notes (uncertain or first-use permissions, tasks aslint does not
know) go to standard error."""

from __future__ import annotations

import json
import sys

EXIT_CLEAN, EXIT_USAGE = 0, 2


def definitions(path: str) -> list:
    """The ASL documents of a file: the file itself, or those a template embeds."""
    from aslint.core import kinds
    from aslint.core.engine import recognize
    from aslint.core.loader import load

    kinds.load_families()
    loaded = load(path)
    if loaded.problem is not None:
        raise ValueError(loaded.problem.message)
    return [doc for doc in recognize(loaded) if doc.kind == "asl"]


def main(args) -> int:
    from aslint.iam.generate import policy_for
    from aslint.iam.needs import compute
    from aslint.core.settings import Settings

    settings = Settings(account=getattr(args, "account", None), region=getattr(args, "region", None))
    try:
        docs = definitions(args.definition)
    except (OSError, ValueError) as err:
        sys.stderr.write(f"aslint: {args.definition}: {err}\n")
        return EXIT_USAGE
    if not docs:
        sys.stderr.write(f"aslint: {args.definition}: no state machine definition found\n")
        return EXIT_USAGE
    results = {}
    for doc in docs:
        needs = compute(doc, settings)
        policy, notes = policy_for(needs)
        name = getattr(doc, "origin_pointer", None) or doc.host_pointer or args.definition
        results[name] = policy
        for note in notes:
            sys.stderr.write(f"aslint: note: {note}\n")
        unknown = [what for what, value in (("account", needs.account), ("Region", needs.region)) if value == "*"]
        if unknown:
            flags = " and ".join(f"--{w.lower()}" for w in unknown)
            sys.stderr.write(f"aslint: note: the {' and '.join(unknown)} of the ARNs is not known (no ARN of the definition "
                             f"names a single one), so it is '*'; pass {flags} to fill it in\n")
    out = next(iter(results.values())) if len(results) == 1 else results
    sys.stdout.write(json.dumps(out, indent=2) + "\n")
    return EXIT_CLEAN
