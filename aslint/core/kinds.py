"""What a parsed document is, decided by its content (never by its name alone).

Each family registers a recognizer; the first that says yes names the document's kind. A kind may
also have an extractor that pulls embedded documents out (definitions inside templates).
"""

from __future__ import annotations


RECOGNIZERS: list[tuple[str, Callable]] = []
EXTRACTORS: dict[str, Callable] = {}


def recognizer(kind: str, order: int = 50):
    def register(fn):
        RECOGNIZERS.append((kind, fn, order))
        RECOGNIZERS.sort(key=lambda item: item[2])
        return fn

    return register


def extractor(kind: str):
    """Register ``fn(doc) -> [Document]``; several families may register for one kind (results are joined)."""
    def register(fn):
        previous = EXTRACTORS.get(kind)
        if previous is None:
            EXTRACTORS[kind] = fn
        else:
            def chained(doc, _first=previous, _second=fn):
                return list(_first(doc) or ()) + list(_second(doc) or ())

            EXTRACTORS[kind] = chained
        return fn

    return register


def classify(data) -> str | None:
    for kind, fn, _ in RECOGNIZERS:
        try:
            if fn(data):
                return kind
        except Exception:  # a recognizer must never break a run
            continue
    return None


#: the kind of a document the file's name declares (``*.asl.json``) when no recognizer claims it
DECLARED_KIND: str | None = None


def declared_kind(kind: str) -> None:
    global DECLARED_KIND
    DECLARED_KIND = kind


#: fn(documents, settings): called once per file with its recognized documents, before the rules.
#: It may return companion documents read from other files (e.g. a definition's role policies given
#: on the command line): the engine lints them too, reporting in their own files.
PREPARERS: list = []


def preparer(fn):
    PREPARERS.append(fn)
    return fn


#: kind -> fn(doc, pointer) -> name of the state enclosing ``pointer`` (or None)
STATE_OF: dict = {}
#: kind -> fn(doc, code, pointer) -> True when the document's own directives silence the finding
SUPPRESSORS: dict = {}


def states(kind: str):
    def register(fn):
        STATE_OF[kind] = fn
        return fn

    return register


#: kind -> fn(doc) -> Units: a document cut into independent units (a definition's states), for
#: re-running unit-local rules only on the units an edit changed (see aslint.core.warm)
UNITS: dict = {}


def units(kind: str):
    def register(fn):
        UNITS[kind] = fn
        return fn

    return register


def suppressor(kind: str):
    def register(fn):
        SUPPRESSORS[kind] = fn
        return fn

    return register


#: (lower-case name suffix, fn(path, text) -> (documents, loader.Problem | None)): a family that reads
#: a file type itself (Terraform's HCL); its documents may carry their kind already
FILE_PARSERS: list = []


def file_parser(path: str):
    """The family parser registered for ``path``'s suffix, or None (families are loaded first)."""
    load_families()
    lower = path.lower()
    for suffix, fn in FILE_PARSERS:
        if lower.endswith(suffix):
            return fn
    return None


#: kind -> fn(doc, ruleset) -> [(code, Finding)] about the document's own directives once its rules
#: ran (a suppression that silenced nothing, an unknown code), and fn(result, doc) that withdraws
#: such a report when a project-wide rule's finding was silenced by that directive after all
DIRECTIVE_CHECKS: dict = {}


def directive_checks(kind: str, findings, withdraw) -> None:
    DIRECTIVE_CHECKS[kind] = (findings, withdraw)


#: fn(text) -> bool: "this unparseable text is clearly one of my kinds" (then its syntax error is
#: reported as ASL001 instead of the file being skipped as unrecognized); must be cheap.
SNIFFERS: list = []
#: the same, asked only of a file named on the command line (a looser test: the user said it is one)
EXPLICIT_SNIFFERS: list = []


def sniff(text: str | None, explicit: bool = False) -> bool:
    if not text:
        return False
    for fn in (SNIFFERS + EXPLICIT_SNIFFERS) if explicit else SNIFFERS:
        try:
            if fn(text):
                return True
        except Exception:
            continue
    return False


_families_loaded = False


def families() -> list:
    """The family packages: every sub-package of ``aslint`` that has a ``kind`` module or a
    ``rules`` package (found by looking, so the core names none of them), as dotted names."""
    import os

    import aslint

    found = []
    for folder in aslint.__path__:
        try:
            entries = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in entries:
            path = os.path.join(folder, name)
            if not name.isidentifier() or not os.path.isfile(os.path.join(path, "__init__.py")):
                continue
            if os.path.isfile(os.path.join(path, "kind.py")) or os.path.isdir(os.path.join(path, "rules")):
                found.append(f"aslint.{name}")
    return found


def load_families():
    """Import each family's ``kind`` module, which registers its kinds (lazily, once)."""
    global _families_loaded
    if _families_loaded:
        return
    _families_loaded = True
    import importlib  # not importlib.util: on Python 3.9 it imports typing

    for family in families():
        try:
            importlib.import_module(f"{family}.kind")
        except ModuleNotFoundError as error:  # a family with rules but no kind module
            if error.name != f"{family}.kind":
                raise
