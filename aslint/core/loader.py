"""From bytes on disk to parsed documents, with a clear error instead of a traceback for bad input."""

from __future__ import annotations

import os
import stat
from aslint.core.record import dataclass, field

from aslint.core.document import Document
from aslint.core.jsonparse import ParseError
from aslint.core.positions import LineIndex

MAX_BYTES = 10 * 1024 * 1024
DECLARED_SUFFIXES = (".asl.json", ".asl.yaml", ".asl.yml")
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Problem:
    """A file-level problem: ``code`` ASL001 (syntax), ASL003 (cannot be read)."""

    code: str
    message: str
    offset: int = 0
    end: int | None = None
    #: the file is certainly one aslint reads (a family's file parser said so): report the problem
    #: even for a file found by walking a folder
    certain: bool = False


@dataclass
class Loaded:
    path: str
    text: str = ""
    documents: list = field(default_factory=list)
    problem: Problem | None = None
    declared: bool = False  # the name says "this is a state machine definition"


def declared_definition(path: str) -> bool:
    return path.lower().endswith(DECLARED_SUFFIXES)


def read_text(path: str, data: bytes | None = None) -> tuple[str | None, Problem | None]:
    if data is None:
        from aslint.core.workspace import current

        workspace = current()
        held = workspace.text(path)
        if held is not None:
            data = held.encode("utf-8", "surrogatepass")
        elif not workspace.disk:
            return None, Problem("ASL003", "cannot read the file: No such file or directory")
    if data is None:
        try:
            st = os.stat(path)
        except OSError as err:
            return None, Problem("ASL003", f"cannot read the file: {err.strerror or err}")
        if stat.S_ISDIR(st.st_mode):
            return None, Problem("ASL003", "is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            return None, Problem("ASL003", "is not a regular file (a FIFO, socket or device); skipped")
        if st.st_size > MAX_BYTES:
            return None, Problem("ASL003", f"is {st.st_size:,} bytes, over aslint's {MAX_BYTES // 1048576} MiB cap; not read")
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as err:
            return None, Problem("ASL003", f"cannot read the file: {err.strerror or err}")
    if len(data) > MAX_BYTES:
        return None, Problem("ASL003", f"is over aslint's {MAX_BYTES // 1048576} MiB cap; not read")
    if b"\x00" in data[:8192]:
        return None, Problem("ASL003", "looks binary (it has NUL bytes); not read")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return None, Problem("ASL003", f"is not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); save it as UTF-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, None


def parse(path: str, text: str, fmt: str | None = None) -> tuple[list, Problem | None]:
    """Parse ``text`` as JSON or YAML (by suffix, else by its first character)."""
    if fmt is None:
        from aslint.core.kinds import file_parser

        special = file_parser(path)
        if special is not None:  # a family reads this file type itself (Terraform's .tf)
            return special(path, text)
        lower = path.lower()
        if lower.endswith(YAML_SUFFIXES):
            fmt = "yaml"
        elif lower.endswith(".json"):
            fmt = "json"
        else:
            fmt = "json" if text.lstrip()[:1] in ("{", "[") else "yaml"
    if not text.strip():
        return [], Problem("ASL001", "the file is empty")
    try:
        if fmt == "json":
            from aslint.core import jsonparse
            data, dup = jsonparse.loads(text)
            return [Document(path, text, "json", data, has_duplicates=dup, from_text=True)], None
        from aslint.core import yamlparse
        docs = []
        lines, shared = LineIndex(text), {}  # one line table and one cache for every document of the file
        for i, ydoc in enumerate(yamlparse.load_all(text)):
            docs.append(Document(path, text, "yaml", ydoc.data, spans=ydoc.spans, duplicates=ydoc.duplicates, doc_index=i,
                                 lines=lines, file_cache=shared))
        return docs, None
    except ParseError as err:
        return [], Problem("ASL001", err.message if err.plain else f"invalid {fmt.upper()}: {err.message}", err.offset, err.end)


def load(path: str, data: bytes | None = None, fmt: str | None = None) -> Loaded:
    result = Loaded(path, declared=declared_definition(path))
    text, problem = read_text(path, data)
    if problem:
        result.problem = problem
        return result
    result.text = text
    result.documents, result.problem = parse(path, text, fmt)
    return result
