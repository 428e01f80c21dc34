"""``--fix`` and ``--diff``: apply the diagnostics' edits, atomically, never touching other bytes."""

from __future__ import annotations

from aslint.core import lazyre
import difflib
import os
import sys
import tempfile
from aslint.core.record import dataclass, field

from aslint.core.finding import Diagnostic
from aslint.core.fixcheck import checked_text
from aslint.core.fixes import apply


#: a fix may reveal another; passes stop when nothing fixable is left, or after this many
MAX_PASSES = 10


@dataclass
class FixOutcome:
    fixed: int = 0  # fixes applied
    diff: str = ""  # the unified diff of every change (--diff)
    stdin_text: str | None = None  # the fixed text of standard input (--fix -)
    changed: list = field(default_factory=list)  # displays of the files changed


def _refusal_notes(result, refused, diff: bool) -> list:
    notes = []
    for d, reason in refused:
        d.fix, d.edits = None, []
        notes.append(Diagnostic("ASL003", "error", f"--fix left {d.code} unfixed: {reason}; fix it by hand",
                                result.display, d.line, d.column, d.end_line, d.end_column, d.pointer, d.state))
        if diff:
            sys.stderr.write(f"aslint: {result.display}:{d.line}:{d.column}: {notes[-1].message}\n")
    return notes


def _fixed_text(result, relint, diff: bool = False):
    """Apply the fixes of ``result`` (those ``checked_text`` accepts) until no fixable finding is
    left; (text, fixes applied, notes on refused fixes)."""
    text, current, applied, notes = result.text, result, 0, []
    for _ in range(MAX_PASSES):
        if not any(d.edits for d in current.diagnostics):
            break
        new_text, refused = checked_text(result.path, text, current.diagnostics, apply)
        notes.extend(_refusal_notes(result, refused, diff))
        if new_text == text:
            break
        applied += sum(1 for d in current.diagnostics if d.edits)
        text, current = new_text, relint(result, new_text)
    return text, applied, notes


def apply_fixes(results, *, write: bool, diff: bool, ruleset, rerun) -> FixOutcome:
    """Fix every result with fixable findings, in memory until nothing fixable is left, then write
    each changed file once (atomically), or describe it as a diff; stdin's fixed text is returned."""
    from aslint.core.engine import lint_file

    def relint(result, text):
        return lint_file(result.path, ruleset, explicit=True, data=text.encode("utf-8", "surrogatepass"),
                         display=result.display, keep_text=True)

    outcome = FixOutcome()
    parts = []
    for i, result in enumerate(results):
        from_stdin = getattr(result, "stdin", False)
        if from_stdin and write and not diff:
            outcome.stdin_text = result.text if result.text is not None else ""
        if result.text is None or not any(d.edits for d in result.diagnostics):
            continue
        new_text, applied, notes = _fixed_text(result, relint, diff)
        result.diagnostics.extend(notes)
        if new_text == result.text:
            continue
        if diff:
            parts.extend(unified_diff(result.text, new_text, result.display))
            outcome.fixed += applied
            continue
        if from_stdin:
            outcome.stdin_text = new_text
            fixed = relint(result, new_text)
            fixed.stdin = True
            fixed.diagnostics.extend(notes)
            results[i] = fixed
            outcome.fixed += applied
            continue
        problem = _write_atomically(result.path, result.text, new_text)
        if problem:
            result.diagnostics.append(Diagnostic("ASL003", "error", f"--fix could not write the file: {problem}", result.display, 1, 1, 1, 1, "", None))
            continue
        outcome.fixed += applied
        outcome.changed.append(result.display)
        results[i] = rerun(result.path)
        results[i].diagnostics.extend(notes)  # the refused fixes, said again after the re-lint
        results[i].diagnostics.sort(key=Diagnostic.sort_key)
    outcome.diff = "".join(parts)
    return outcome


def _lines(text: str) -> list:
    """Lines as ``patch`` counts them: ended by LF only (a CR or a form feed is part of a line)."""
    return _LINE.findall(text)


_LINE = lazyre.compile(r"[^\n]*\n|[^\n]+\Z")


def unified_diff(old: str, new: str, display: str):
    """A unified diff ``patch -p1`` applies: LF-only line splitting, and the ``\\ No newline at
    end of file`` marker after a last line without one."""
    for line in difflib.unified_diff(_lines(old), _lines(new), f"a/{display}", f"b/{display}"):
        if line.endswith("\n"):
            yield line
        else:
            yield line + "\n"
            yield "\\ No newline at end of file\n"


def _write_atomically(path: str, expected: str, new_text: str) -> str | None:
    """Write ``new_text`` over ``path`` if it still holds ``expected``. A symlink stays a link (its
    target is written), a file with other hard links keeps its inode (written in place), any
    other file is replaced by a renamed temporary file with the same mode, owner and group (as
    far as the process may set them)."""
    real = os.path.realpath(path)
    try:
        with open(real, "rb") as handle:
            current = handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return str(err)
    if current.lstrip("\ufeff") != expected:
        return "the file changed on disk while aslint ran; run aslint again"
    if current.startswith("\ufeff"):
        new_text = "\ufeff" + new_text
    data = new_text.encode("utf-8", "surrogatepass")
    try:
        st = os.stat(real)
        if not os.access(real, os.W_OK):
            return "the file is read-only"
        if st.st_nlink > 1:
            _write_in_place(real, data)
        else:
            _replace(real, data, st)
    except OSError as err:
        return err.strerror or str(err)
    return None


def _write_in_place(path: str, data: bytes) -> None:
    """Other names share this inode: rewrite its bytes, so that every name sees the fix."""
    fd = os.open(path, os.O_WRONLY)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace(path: str, data: bytes, st) -> None:
    folder = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(prefix=".aslint-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, st.st_mode & 0o7777)
        _keep_owner(tmp, st)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _keep_owner(path: str, st) -> None:
    chown = getattr(os, "chown", None)
    if chown is None:
        return
    for uid, gid in ((st.st_uid, st.st_gid), (-1, st.st_gid)):
        try:
            chown(path, uid, gid)
            return
        except OSError:
            continue
