"""Run settings: what the command line and the configuration file decide, in one place."""

from __future__ import annotations

import fnmatch
from aslint.core.record import dataclass, field

from aslint.core.finding import SEVERITY_RANK

DEFAULT_EXCLUDES = (".git", ".hg", ".svn", "node_modules", ".venv", "venv", ".tox", ".nox", "__pycache__",
                    "cdk.out", ".aws-sam", ".serverless", ".terraform", "build", "dist", ".mypy_cache",
                    ".pytest_cache", ".ruff_cache")


class ConfigError(Exception):
    """A usage or configuration error: exit code 2 with a clear message."""


@dataclass
class Settings:
    select: list | None = None  # None: every rule
    extend_select: list = field(default_factory=list)
    ignore: list = field(default_factory=list)
    per_file_ignores: dict = field(default_factory=dict)  # glob -> [selectors]
    severity: dict = field(default_factory=dict)  # code -> level
    rule_options: dict = field(default_factory=dict)  # code -> {option: value}
    fail_on: str = "warning"
    exclude: list = field(default_factory=lambda: list(DEFAULT_EXCLUDES))
    extend_exclude: list = field(default_factory=list)
    extra_rules: list = field(default_factory=list)  # paths of YAML rule files
    role_policies: dict = field(default_factory=dict)  # glob -> [policy files]
    cli_role_policies: list = field(default_factory=list)
    account: str | None = None
    region: str | None = None
    role_arn: str | None = None
    config_path: str | None = None
    config_dir: str | None = None

    def selected(self, code: str, known: "set | None" = None) -> bool:
        chosen = _matches(code, self.select) if self.select is not None else True
        chosen = chosen or _matches(code, self.extend_select)
        return chosen and not _matches(code, self.ignore)

    def ignored_for_file(self, code: str, relpath: str) -> bool:
        for pattern, selectors in self.per_file_ignores.items():
            if _glob_match(relpath, pattern) and _matches(code, selectors):
                return True
        return False

    def fails(self, severity: str) -> bool:
        return SEVERITY_RANK[severity] >= SEVERITY_RANK[self.fail_on]


def _matches(code: str, selectors) -> bool:
    return any(s == "ALL" or code.startswith(s) for s in selectors or ())


def _glob_match(path: str, pattern: str) -> bool:
    path = path.replace("\\", "/")
    if fnmatch.fnmatch(path, pattern):
        return True
    # a pattern without a slash matches the file name anywhere; "**/" matches zero folders too
    if "/" not in pattern and fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern):
        return True
    return pattern.startswith("**/") and fnmatch.fnmatch(path, pattern[3:])
