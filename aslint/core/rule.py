"""The rule API. A rule is a small class with a ``code`` and a ``check(ctx)`` generator of Findings.

Its name, severity, summary and documentation come from ``rules/<CODE>.md``; nothing about
positions or severity lives in the code. Subclasses register themselves on definition.
"""

from __future__ import annotations

from typing import ClassVar, Iterator

from aslint.core.finding import Finding

REGISTRY: dict[str, type["Rule"]] = {}


class Rule:
    code: ClassVar[str] = ""
    #: document kinds this rule looks at ("asl", "iam-policy", "aws-auth", …)
    kinds: ClassVar[tuple] = ("asl",)
    #: "document": one document at a time; "project": every document of the run at once
    scope: ClassVar[str] = "document"
    #: "unit": each finding depends only on the unit (state) holding it, so a warm re-lint may run
    #: the rule on the changed units only (see aslint.core.warm); "document": anything else
    locality: ClassVar[str] = "document"
    #: default option values; users override them in config under [rules.CODE]
    options: ClassVar[dict] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.code:
            REGISTRY[cls.code] = cls

    def check(self, ctx) -> Iterator[Finding]:  # pragma: no cover - interface
        raise NotImplementedError

    # Helpers so rule bodies read well --------------------------------------------------------
    @staticmethod
    def finding(pointer: str, message: str, **kw) -> Finding:
        return Finding(pointer, message, **kw)


_loaded = False


def load_builtin_rules() -> dict[str, type[Rule]]:
    """Import every module of each family's ``rules`` package once; each rule class registers itself."""
    global _loaded
    if not _loaded:
        import importlib
        import importlib.util
        import pkgutil

        from aslint.core.kinds import families

        for family in families():
            if importlib.util.find_spec(f"{family}.rules") is None:
                continue
            package = importlib.import_module(f"{family}.rules")
            for info in pkgutil.walk_packages(package.__path__, f"{family}.rules."):
                importlib.import_module(info.name)
        _loaded = True
    return REGISTRY
