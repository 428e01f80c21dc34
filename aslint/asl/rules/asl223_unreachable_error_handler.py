"""ASL223: a retrier or catcher that never runs because an earlier one already matches all its errors."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import handlers
from aslint.core.finding import Finding
from aslint.core.rule import Rule

NOT_IN_ALL = {"States.DataLimitExceeded", "States.Runtime"}  # not caught by States.ALL (asl-facts.md 4d)


def _covered(name, seen, all_seen, task_failed_seen) -> str | None:
    if name in seen:
        return f"'{name}'"
    if all_seen and name not in NOT_IN_ALL:
        return "States.ALL"
    if task_failed_seen and name not in NOT_IN_ALL and name != "States.Timeout" and name != "States.ALL":
        return "States.TaskFailed, which matches all but States.Timeout"
    return None


class UnreachableErrorHandler(Rule):
    code = "ASL223"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            current = None
            for field, i, entry, pointer in handlers(ref):
                if field != current:  # Retry and Catch are scanned separately
                    current, seen, all_seen, tf_seen = field, {}, False, False
                    word = "retrier" if field == "Retry" else "catcher"
                errors = entry.get("ErrorEquals") if isinstance(entry, dict) else None
                if not isinstance(errors, list) or not errors or not all(isinstance(e, str) for e in errors):
                    continue
                reasons = [_covered(e, seen, all_seen, tf_seen) for e in errors]
                if all(reasons):
                    by = "; ".join(sorted(set(reasons)))
                    yield Finding(pointer,
                                  f"{word} #{i + 1} of state '{ref.name}' can never match: an earlier {word} matches all its errors ({by})",
                                  target="key", hint=f"Remove it, or move it before the broader {word}")
                for e in errors:
                    seen.setdefault(e, f"#{i + 1}")
                all_seen = all_seen or "States.ALL" in errors
                tf_seen = tf_seen or "States.TaskFailed" in errors
