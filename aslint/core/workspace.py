"""Where a run reads files from: the disk, with texts held in memory laid over it.

Every read of another file during a run (a template's ``DefinitionUri``, a role policy beside a
definition or named by ``--role-policy``) goes through the current :class:`Workspace`, so that an
editor's unsaved buffers are seen instead of what is on disk, and the in-memory API can lint a
set of texts without writing them anywhere. Paths are compared as absolute, normalized paths.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import stat


def _key(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


class Workspace:
    """``texts`` (path -> str) override the disk; with ``disk=False`` nothing else exists."""

    def __init__(self, texts: dict | None = None, *, disk: bool = True):
        self.texts = {_key(p): t for p, t in (texts or {}).items()}
        self.disk = disk

    def text(self, path: str) -> str | None:
        """The in-memory text of ``path``, or None when it is not held in memory."""
        return self.texts.get(_key(path)) if self.texts else None

    def is_file(self, path: str) -> bool:
        if self.texts and _key(path) in self.texts:
            return True
        return self.disk and os.path.isfile(path)

    def names(self, folder: str) -> list:
        """The names of the files in ``folder`` (in memory or on disk), sorted."""
        found = set()
        if self.disk:
            try:
                with os.scandir(folder or ".") as entries:
                    found.update(e.name for e in entries if e.is_file())
            except OSError:
                pass
        if self.texts:
            base = _key(folder or ".")
            found.update(os.path.basename(p) for p in self.texts if os.path.dirname(p) == base)
        return sorted(found)

    def stamp(self, path: str):
        """Something that changes when the file changes (for caches), or an OSError."""
        text = self.text(path)
        if text is not None:
            return ("memory", hash(text))
        if not self.disk:
            raise FileNotFoundError(2, "No such file or directory", path)
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise IsADirectoryError(21, "not a regular file", path)
        return ("disk", st.st_mtime_ns, st.st_size)


DISK = Workspace()
_current: contextvars.ContextVar = contextvars.ContextVar("aslint_workspace", default=DISK)


def current() -> Workspace:
    return _current.get()


@contextlib.contextmanager
def using(workspace: Workspace | None):
    """Make ``workspace`` the one every read of the enclosed code goes through."""
    if workspace is None:
        yield current()
        return
    token = _current.set(workspace)
    try:
        yield workspace
    finally:
        _current.reset(token)
