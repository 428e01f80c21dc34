"""What the server lints with: the workspace as the CLI would see it, open buffers first.

One ``Session`` per workspace root. It keeps the rule set warm (built once per configuration), a
result per workspace file (re-linted only when its text changes), and runs the project-scope rules
(a definition paired with its role policy, aws-auth elsewhere in the folder) over every file's
documents, so an open definition gets the same findings as ``aslint check`` run at the root.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

#: a workspace larger than this is linted file by file (project rules see the open buffers only)
MAX_WORKSPACE_FILES = 5000
CONFIG_NAMES = ("pyproject.toml", ".aslint.yaml", ".aslint.yml")


@dataclass
class Linted:
    """One file's latest lint: what the code actions and hover need besides the diagnostics."""

    text: str
    diagnostics: list = field(default_factory=list)
    documents: list = field(default_factory=list)


class Session:
    def __init__(self, root: str | None):
        from aslint.core import warm

        warm.enable()  # a long-lived process: per-state results of unchanged states are kept
        self.root = os.path.abspath(root) if root else None
        self.buffers: dict[str, str] = {}  # absolute path -> unsaved text of an open editor
        self._lock = threading.RLock()
        self._ruleset = None
        self._config_error: str | None = None
        self._cache: dict[str, tuple] = {}  # path -> (key, FileResult) for workspace files
        self._files: list | None = None  # the workspace's lintable files, as the CLI finds them

    # -- configuration -------------------------------------------------------------------------
    def ruleset(self):
        with self._lock:
            if self._ruleset is None:
                self._ruleset = self._build_ruleset()
            return self._ruleset

    def _build_ruleset(self):
        from pathlib import Path

        from aslint.core import config as config_mod
        from aslint.core.engine import RuleSet
        from aslint.core.settings import ConfigError, Settings

        settings = Settings()
        self._config_error = None
        try:
            source = config_mod.find(self.root) if self.root else None
            if source is not None:
                source = Path(source)
                config_mod.apply(settings, config_mod.read(source), str(source), str(source.resolve().parent))
                settings.config_path, settings.config_dir = str(source), str(source.resolve().parent)
            ruleset = RuleSet(settings)
            config_mod.validate_codes(settings, ruleset.known, settings.config_path or "configuration")
            return ruleset
        except ConfigError as err:  # lint with the defaults and say why
            self._config_error = str(err)
            return RuleSet(Settings())

    @property
    def config_error(self) -> str | None:
        self.ruleset()
        return self._config_error

    def configuration_changed(self) -> None:
        from aslint.core import warm

        with self._lock:
            warm.reset()
            self._ruleset = None
            self._cache.clear()
            self._files = None

    def files_changed(self) -> None:
        """Files were created or deleted in the workspace: find them again."""
        with self._lock:
            self._files = None

    @staticmethod
    def is_config(path: str) -> bool:
        return os.path.basename(path) in CONFIG_NAMES

    # -- buffers -------------------------------------------------------------------------------
    def open(self, path: str, text: str) -> None:
        with self._lock:
            self.buffers[path] = text

    def close(self, path: str) -> None:
        with self._lock:
            self.buffers.pop(path, None)
            self._cache.pop(path, None)

    # -- linting -------------------------------------------------------------------------------
    def display(self, path: str) -> str:
        if self.root:
            rel = os.path.relpath(path, self.root)
            if not rel.startswith(".."):
                return rel
        return path

    def _workspace_files(self) -> list:
        if self._files is None:
            from aslint.core.discovery import expand

            files: list = []
            if self.root and os.path.isdir(self.root):
                settings = self.ruleset().settings
                targets, _ = expand([self.root], settings.exclude + settings.extend_exclude)
                files = [os.path.abspath(p) for p, _ in targets[:MAX_WORKSPACE_FILES + 1]]
                if len(files) > MAX_WORKSPACE_FILES:
                    files = []
            self._files = files
        return self._files

    def _text_of(self, path: str) -> str | None:
        if path in self.buffers:
            return self.buffers[path]
        return None

    def _lint_one(self, path: str, text: str | None, cache: bool = True):
        """A FileResult for ``path`` (document-scope rules). Every read of another file (a
        role policy beside a definition, a template's DefinitionUri) sees the open buffers.

        With ``cache``, a result is reused while the file's own text is unchanged: that is for the
        workspace's other files, whose documents the project-scope rules need."""
        from aslint.core.engine import lint_file
        from aslint.core.workspace import Workspace, using

        ruleset = self.ruleset()
        if text is not None:
            key = ("buffer", hash(text), len(text))
        else:
            try:
                st = os.stat(path)
            except OSError:
                return None
            key = ("disk", st.st_mtime_ns, st.st_size)
        cached = self._cache.get(path)
        if cache and cached is not None and cached[0] == key:
            return cached[1]
        data = text.encode("utf-8", "surrogatepass") if text is not None else None
        with using(Workspace(dict(self.buffers))):
            result = lint_file(path, ruleset, explicit=True, data=data, display=self.display(path), keep_text=True)
        if cache or text is None or text == self.buffers.get(path):
            self._cache[path] = (key, result)
        return result

    def lint(self, path: str, text: str | None = None) -> Linted:
        """Lint one file (``text``, else its open buffer, else the disk) with the workspace around it."""
        with self._lock:
            if text is None:
                text = self._text_of(path)
            # the file asked for is always linted afresh: the files it reads may have changed
            own = self._lint_one(path, text, cache=False)
            if own is None:
                return Linted(text or "")
            ruleset = self.ruleset()
            diagnostics = list(own.diagnostics)
            if ruleset.project_rules and own.recognized:
                diagnostics = self._with_project_rules(path, own, ruleset)
            shown = [d for d in diagnostics if d.file == own.display]
            shown.sort(key=lambda d: d.sort_key())
            return Linted(own.text if own.text is not None else (text or ""), shown, list(own.documents))

    def _with_project_rules(self, path: str, own, ruleset) -> list:
        import copy

        from aslint.core.engine import lint_project

        results = [own]
        others = set(self._workspace_files()) | set(self.buffers)
        others.discard(path)
        for other in sorted(others):
            result = self._lint_one(other, self._text_of(other))
            if result is not None and result.recognized:
                results.append(result)
        # project rules append to the results: run them on copies, keep the cache clean
        copies = []
        for r in results:
            c = copy.copy(r)
            c.diagnostics = list(r.diagnostics)
            copies.append(c)
        documents = [d for r in copies for d in r.documents]
        lint_project(copies, ruleset, documents)
        return copies[0].diagnostics
