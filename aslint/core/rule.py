"""The rule API. A rule is a small class with a ``code`` and a ``check(ctx)`` generator of Findings.

Its name, severity, summary and documentation come from ``rules/<CODE>.md``; nothing about
positions or severity lives in the code. Subclasses register themselves on definition.
"""

from __future__ import annotations


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


def rule_modules(family: str) -> list:
    """Dotted names of the modules in ``family``'s ``rules`` package, sorted (as pkgutil lists
    them; listed with os.listdir because pkgutil imports inspect, a tenth of a small run)."""
    import os

    import aslint

    folder = os.path.join(os.path.dirname(aslint.__file__), *family.split(".")[1:], "rules")
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    if "__init__.py" not in names:
        return []
    return [f"{family}.rules.{n[:-3]}" for n in names
            if n.endswith(".py") and n != "__init__.py" and n[:-3].isidentifier()]


def load_builtin_rules() -> dict[str, type[Rule]]:
    """Import every module of each family's ``rules`` package once; each rule class registers itself."""
    global _loaded
    if not _loaded:
        import importlib

        from aslint.core.kinds import families

        for family in families():
            for name in rule_modules(family):
                importlib.import_module(name)
        _loaded = True
    return REGISTRY
