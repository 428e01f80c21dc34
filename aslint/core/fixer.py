"""``--fix`` and ``--diff``: apply the diagnostics' edits, atomically, never touching other bytes."""

from __future__ import annotations

import difflib
import os
import sys
import tempfile

from aslint.core.finding import Diagnostic
from aslint.core.fixes import apply


def apply_fixes(results, *, write: bool, diff: bool, ruleset, rerun) -> bool:
    changed_any = False
    for i, result in enumerate(results):
        edits = [e for d in result.diagnostics for e in d.edits]
        if not edits or result.text is None or result.path == "-":
            continue
        new_text = apply(result.text, edits)
        if new_text == result.text:
            continue
        if diff:
            sys.stdout.writelines(difflib.unified_diff(result.text.splitlines(True), new_text.splitlines(True),
                                                       f"a/{result.display}", f"b/{result.display}"))
            continue
        problem = _write_atomically(result.path, result.text, new_text)
        if problem:
            result.diagnostics.append(Diagnostic("ASL003", "error", f"--fix could not write the file: {problem}", result.display, 1, 1, 1, 1, "", None))
            continue
        changed_any = True
        results[i] = rerun(result.path)
    return changed_any


def _write_atomically(path: str, expected: str, new_text: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            current = handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return str(err)
    if current.lstrip("\ufeff") != expected:
        return "the file changed on disk while aslint ran; run aslint again"
    if current.startswith("\ufeff"):
        new_text = "\ufeff" + new_text
    folder = os.path.dirname(os.path.abspath(path))
    try:
        st = os.stat(path)
        if not os.access(path, os.W_OK):
            return "the file is read-only"
        fd, tmp = tempfile.mkstemp(prefix=".aslint-", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(new_text)
            os.chmod(tmp, st.st_mode & 0o7777)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as err:
        return err.strerror or str(err)
    return None
