"""Output formats: text (default), json, github, sarif. Each has ``render(report) -> str``."""

from __future__ import annotations

FORMATS = ("text", "json", "github", "sarif")


def render(fmt: str, report) -> str:
    import importlib

    return importlib.import_module(f"aslint.output.{fmt}_format").render(report)


def encodable(text: str) -> str:
    """The report as UTF-8 can carry it: a lone surrogate (a file name that is not UTF-8, a
    ``"\\ud800"`` in a state name) becomes the escape ``\\udcff``, which in JSON and SARIF is
    the JSON escape of that code unit, so the report is written whole instead of not at all."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def write_whole(path: str, text: str) -> str | None:
    """Write the report to ``path`` through a temporary file renamed over it: an existing report
    is replaced whole or left as it was, never truncated. Returns why it failed, or None."""
    import os
    import tempfile

    import stat

    target = os.path.realpath(path)
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):  # /dev/stdout, a FIFO: nothing to replace
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(text)
            return None
    except FileNotFoundError:
        pass
    except OSError as err:
        return err.strerror or str(err)
    folder = os.path.dirname(target) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=".aslint-report-", dir=folder)
    except OSError as err:
        return err.strerror or str(err)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        try:
            mode = os.stat(target).st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as err:
        if os.path.exists(tmp):
            os.unlink(tmp)
        return err.strerror or str(err)
    return None
