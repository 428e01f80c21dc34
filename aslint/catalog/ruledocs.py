"""The rule catalog: one Markdown file per code in ``rules/``, front matter plus ruff-style sections.

This single source feeds ``aslint rules``, ``aslint rule CODE``, SARIF rule metadata, severities,
and (for declarative rules) the check itself.
"""

from __future__ import annotations

from aslint.core import lazyre
import functools
import re
from aslint.core.record import dataclass, field

from aslint.core.resources import data_folder

CODE_RE = lazyre.compile(r"^[A-Z]{2,5}[0-9]{3}$")
REQUIRED_SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "Use instead:")


@dataclass
class RuleDoc:
    code: str
    name: str
    severity: str
    summary: str
    #: every level the rule may report; the first is ``severity`` (a rule with two real levels
    #: declares both, e.g. ``severities: [error, warning]``)
    severities: list = field(default_factory=list)
    fixable: bool = False
    tags: list = field(default_factory=list)
    check: dict | None = None  # a declarative check, when the rule has no Python unit
    options: dict = field(default_factory=dict)
    security_severity: str | None = None
    file: str | None = None  # the doc's Markdown file (None for a custom rule)
    _body: str | None = field(default=None, compare=False, repr=False)
    source: str | None = None  # a custom rule's extra-rules file (None for a built-in rule)

    def __post_init__(self):
        levels = [self.severity] + [s for s in (self.severities or []) if s != self.severity]
        self.severities = levels

    @property
    def path(self):
        """The doc's file as a :class:`pathlib.Path` (None for a custom rule)."""
        if self.file is None:
            return None
        from pathlib import Path

        return Path(self.file)

    @property
    def body(self) -> str:
        if self._body is None:
            self._body = _split(_read(self.file))[1] if self.file else ""
        return self._body

    @property
    def help_markdown(self) -> str:
        """The body with its '## Options' section (made from the front matter) before References."""
        if not self.options:
            return self.body
        from aslint.catalog.options import markdown

        section = markdown(self.code, self.options) + "\n\n"
        at = self.body.find("## References")
        return self.body + "\n" + section if at == -1 else self.body[:at] + section + self.body[at:]

    def examples(self) -> tuple[list, list]:
        """The fenced blocks under '## Example' (failing) and after 'Use instead:' (passing).

        Each block is (info_string, text). The first block of each group is the document; blocks
        whose info string has a second word (``json role-policy``) are attachments.
        """
        body = self.body
        start = body.find("## Example")
        fixed = body.find("Use instead:", start)
        end = body.find("\n## ", fixed) if fixed != -1 else -1
        failing = _blocks(body[start:fixed] if fixed != -1 else body[start:])
        passing = _blocks(body[fixed:end] if end != -1 else body[fixed:]) if fixed != -1 else []
        return failing, passing

    @property
    def help_uri(self) -> str | None:
        """The rule's documentation page: rules/CODE.md in the repository for a built-in rule; a
        custom rule has none (its only text is its extra-rules file)."""
        if self.source is not None:
            return None
        return f"https://github.com/aslint/aslint/blob/main/rules/{self.code}.md"


_FENCE = lazyre.compile(r"^```([^\n]*)\n(.*?)^```", re.S | re.M)


def _blocks(text: str) -> list:
    return [(m.group(1).strip(), m.group(2)) for m in _FENCE.finditer(text)]


def _split(text: str) -> tuple[str, str]:
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---\n", 4)
    if end == -1:
        return "", text
    return text[4:end], text[end + 5 :]


_FLAT_LINE = lazyre.compile(r"^([A-Za-z][A-Za-z0-9_-]*):[ ]?(.*)$")


def _scalar(raw: str):
    raw = raw.strip()
    if raw in ("true", "false"):
        return raw == "true"
    if raw.startswith('"') and raw.endswith('"') and len(raw) > 1:
        import json

        return json.loads(raw)
    if raw.startswith("'") and raw.endswith("'") and len(raw) > 1:
        return raw[1:-1].replace("''", "'")
    if re.fullmatch(r"-?[0-9]+", raw):
        return int(raw)
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", raw):
        return float(raw)
    return raw


def front_matter(front: str) -> dict:
    """The front matter as a dict: a fast reader for the flat ``key: value`` form every rule doc
    uses (start-up reads a few per run), PyYAML for anything nested (``options``, ``check``)."""
    meta = {}
    for line in front.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _FLAT_LINE.match(line)
        value = m.group(2).strip() if m else ""
        if (m is None or not value or value[0] in "{|>&*!%@`" or (value[0] in "\"'" and value[-1] != value[0])
                or (value[0] == "[" and (not value.endswith("]") or "[" in value[1:] or "'" in value or '"' in value))
                or " #" in value or (value[0] not in "\"'[" and ": " in value)):
            import yaml

            return yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        if value.startswith("["):
            meta[m.group(1)] = [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
        else:
            meta[m.group(1)] = _scalar(value)
    return meta


def _read(path) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def parse(path) -> RuleDoc:
    front, body = _split(_read(path))
    return from_meta(front_matter(front), path, body, where=path)


def from_meta(meta, path, body: str | None = None, where=None) -> RuleDoc:
    """The doc its front matter ``meta`` describes (``body``: None, read from ``path`` when asked)."""
    if not isinstance(meta, dict) or "code" not in meta:
        raise ValueError(f"{where}: the front matter needs at least code, name, severity and summary")
    return RuleDoc(
        code=str(meta["code"]),
        name=str(meta.get("name", "")),
        severity=str(meta.get("severity", "warning")),
        summary=str(meta.get("summary", "")),
        severities=[str(s) for s in meta.get("severities") or []],
        fixable=bool(meta.get("fixable", False)),
        tags=list(meta.get("tags") or []),
        check=meta.get("check"),
        options=dict(meta.get("options") or {}),
        security_severity=str(meta["security-severity"]) if meta.get("security-severity") is not None else None,
        file=None if path is None else str(path),
        _body=body,
    )


class Catalog(dict):
    """code -> RuleDoc, each made on first access (a run reads only the docs it reports on).

    The keys come from the file names (``rules/ASL101.md``), so listing codes costs one directory
    listing; a doc's front matter comes from the generated :mod:`aslint.catalog.index` (a doc the
    index does not list yet is read and parsed), its body from its file when it is shown.
    """

    def __init__(self, folder: str | None = None, names=()):
        super().__init__({name[:-3]: None for name in names})
        self._folder = folder
        self._builtin = tuple(dict.keys(self))  # the codes of the docs in ``folder``

    def _file(self, code):
        import os

        return os.path.join(self._folder, code + ".md")

    def _load(self, code):
        doc = dict.__getitem__(self, code)
        if doc is None:
            from aslint.catalog.index import DOCS

            path = self._file(code)
            meta = DOCS.get(code)
            doc = parse(path) if meta is None else from_meta(meta, path)
            dict.__setitem__(self, code, doc)
        return doc

    def __getitem__(self, code):
        return self._load(code)

    def get(self, code, default=None):
        return self._load(code) if dict.__contains__(self, code) else default

    def values(self):
        return [self._load(code) for code in self]

    def items(self):
        return [(code, self._load(code)) for code in self]

    def __iter__(self):
        return iter(list(dict.keys(self)))

    def copy(self):
        clone = Catalog(self._folder)
        dict.update(clone, dict.items(self))
        clone._builtin = self._builtin
        return clone

    def paths(self) -> dict:
        """code -> the doc's file, for the built-in docs."""
        from pathlib import Path

        return {code: Path(self._file(code)) for code in self._builtin}

    def declarative(self) -> list:
        """Codes whose front matter states a declarative ``check`` (from the index: no doc read)."""
        from aslint.catalog.index import DOCS

        return [code for code in self._builtin
                if (("check" in DOCS[code]) if code in DOCS else states_a_check(self._file(code)))]


def states_a_check(path) -> bool:
    """The doc's front matter has a top-level ``check``: a declarative rule."""
    head = _read(path).split("\n---\n", 1)[0]
    return "\ncheck:" in head


@functools.lru_cache(maxsize=None)
def catalog() -> Catalog:
    import os

    folder = data_folder("rules")
    return Catalog(folder, sorted(n for n in os.listdir(folder) if n.endswith(".md") and CODE_RE.match(n[:-3])))
