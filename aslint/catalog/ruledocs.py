"""The rule catalog: one Markdown file per code in ``rules/``, front matter plus ruff-style sections.

This single source feeds ``aslint rules``, ``aslint rule CODE``, SARIF rule metadata, severities,
and (for declarative rules) the check itself.
"""

from __future__ import annotations

from aslint.core import lazyre
import functools
import re
from aslint.core.record import dataclass, field
from pathlib import Path

from aslint.core.resources import data_dir

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
    path: Path | None = None
    _body: str | None = None
    source: str | None = None  # a custom rule's extra-rules file (None for a built-in rule)

    def __post_init__(self):
        levels = [self.severity] + [s for s in (self.severities or []) if s != self.severity]
        self.severities = levels

    @property
    def body(self) -> str:
        if self._body is None:
            self._body = _split(self.path.read_text(encoding="utf-8"))[1] if self.path else ""
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


def parse(path: Path) -> RuleDoc:
    text = path.read_text(encoding="utf-8")
    front, body = _split(text)
    meta = front_matter(front)
    if not isinstance(meta, dict) or "code" not in meta:
        raise ValueError(f"{path}: the front matter needs at least code, name, severity and summary")
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
        path=path,
        _body=body,
    )


class Catalog(dict):
    """code -> RuleDoc, each file parsed on first access (a run reads only the docs it reports on).

    The keys come from the file names (``rules/ASL101.md``), so listing codes costs one glob.
    """

    def __init__(self, paths):
        super().__init__({p.stem: None for p in paths})
        self._paths = {p.stem: p for p in paths}

    def _load(self, code):
        doc = dict.__getitem__(self, code)
        if doc is None:
            doc = parse(self._paths[code])
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
        clone = Catalog([])
        dict.update(clone, dict.items(self))
        clone._paths = dict(self._paths)
        return clone

    def declarative(self) -> list:
        """Codes whose front matter states a declarative ``check`` (found without parsing YAML).

        The generated :mod:`aslint.catalog.declarative_index` says it for the docs it scanned, so a
        run reads no doc for this; a doc added since is read."""
        from aslint.catalog import declarative_index as index

        return [code for code, path in self._paths.items()
                if code in index.DECLARATIVE or (code not in index.SCANNED and states_a_check(path))]


def states_a_check(path) -> bool:
    """The doc's front matter has a top-level ``check``: a declarative rule."""
    head = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    return "\ncheck:" in head


@functools.lru_cache(maxsize=None)
def catalog() -> Catalog:
    return Catalog(sorted(p for p in data_dir("rules").glob("*.md") if CODE_RE.match(p.stem)))
