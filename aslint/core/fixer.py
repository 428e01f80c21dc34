"""``--fix`` and ``--diff``: apply the diagnostics' edits, atomically, never touching other bytes."""

from __future__ import annotations

from aslint.core import lazyre
import difflib
import os
import sys
import tempfile

from aslint.core.finding import Diagnostic
from aslint.core.fixcheck import checked_text
from aslint.core.fixes import apply


def apply_fixes(results, *, write: bool, diff: bool, ruleset, rerun, diff_stream=None) -> bool:
    changed_any = False
    for i, result in enumerate(results):
        edits = [e for d in result.diagnostics for e in d.edits]
        if not edits or result.text is None or result.path == "-":
            continue
        new_text, refused = checked_text(result.path, result.text, result.diagnostics, apply)
        notes = []
        for d, reason in refused:
            d.fix, d.edits = None, []
            notes.append(Diagnostic("ASL003", "error", f"--fix left {d.code} unfixed: {reason}; fix it by hand",
                                    result.display, d.line, d.column, d.end_line, d.end_column, d.pointer, d.state))
            if diff:
                sys.stderr.write(f"aslint: {result.display}:{d.line}:{d.column}: {notes[-1].message}\n")
        result.diagnostics.extend(notes)
        if new_text == result.text:
            continue
        if diff:
            (diff_stream or sys.stdout).writelines(unified_diff(result.text, new_text, result.display))
            continue
        problem = _write_atomically(result.path, result.text, new_text)
        if problem:
            result.diagnostics.append(Diagnostic("ASL003", "error", f"--fix could not write the file: {problem}", result.display, 1, 1, 1, 1, "", None))
            continue
        changed_any = True
        results[i] = rerun(result.path)
        results[i].diagnostics.extend(notes)  # the refused fixes, said again after the re-lint
        results[i].diagnostics.sort(key=Diagnostic.sort_key)
    return changed_any


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
