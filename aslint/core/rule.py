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

    def takes_part(self, ctx, doc) -> bool:
        """A project rule: can ``doc`` take part in its check (``ctx`` has the settings)? A run in
        several processes reads again, for the project rules, only the files holding such a
        document, so say False only of a document the check certainly ignores."""
        return True

    # Helpers so rule bodies read well --------------------------------------------------------
    @staticmethod
    def finding(pointer: str, message: str, **kw) -> Finding:
        return Finding(pointer, message, **kw)


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


def builtin_rule_modules() -> list:
    """Every module of each family's ``rules`` package (found by looking), in order."""
    from aslint.core.kinds import families

    return [name for family in families() for name in rule_modules(family)]


_all_imported = False


def import_all_rule_modules() -> dict[str, type[Rule]]:
    """Import every built-in rule module once; each rule class registers itself (REGISTRY)."""
    global _all_imported
    if not _all_imported:
        import importlib

        for name in builtin_rule_modules():
            importlib.import_module(name)
        _all_imported = True
    return REGISTRY


#: the rule classes of every built-in module (tests and tools that look at all of them)
load_builtin_rules = import_all_rule_modules


class RuleTable:
    """code -> rule instance, each rule module imported when one of its rules is first asked for.

    What a rule is about (its ``kinds`` and ``scope``) comes from the generated index
    (:mod:`aslint.catalog.index`), so choosing the rules of a kind imports nothing else; a class
    already registered (imported, or defined by a test) speaks for itself, and a module the index
    does not list yet is imported at once. ``instances`` are ready-made rules (declarative ones)."""

    def __init__(self, index: dict, instances: dict = ()):
        import importlib

        indexed = {module for module, _kinds, _scope in index.values()}
        for name in builtin_rule_modules():
            if name not in indexed:  # added since the index was generated
                importlib.import_module(name)
        self._index = index
        self._instances = dict(instances)
        self._codes = sorted(set(index) | set(REGISTRY) | set(self._instances))
        self._missing: set = set()

    def _about(self, code):
        rule = self._instances.get(code) or REGISTRY.get(code)
        if rule is not None:
            return tuple(rule.kinds), rule.scope
        _module, kinds, scope = self._index[code]
        return kinds, scope

    def kinds(self, code) -> tuple:
        return self._about(code)[0]

    def scope(self, code) -> str:
        return self._about(code)[1]

    def get(self, code, default=None):
        rule = self._instances.get(code)
        if rule is not None:
            return rule
        if code not in REGISTRY and code in self._index and code not in self._missing:
            import importlib

            importlib.import_module(self._index[code][0])
            if code not in REGISTRY:  # an index older than the module: the code is gone
                self._missing.add(code)
        cls = REGISTRY.get(code)
        if cls is None:
            return default
        rule = self._instances[code] = cls()
        return rule

    def __getitem__(self, code):
        rule = self.get(code)
        if rule is None:
            raise KeyError(code)
        return rule

    def codes(self) -> list:
        """Every code, in order, without importing anything."""
        return [code for code in self._codes if code not in self._missing]


class RuleMap:
    """A read-only mapping code -> rule over some codes of a :class:`RuleTable`: membership, length
    and iteration (codes, in order) import nothing; looking a rule up imports its module."""

    def __init__(self, table: RuleTable, codes):
        self._table = table
        self._codes = list(codes)
        self._set = set(self._codes)

    def __contains__(self, code):
        return code in self._set

    def __iter__(self):
        return iter(self._codes)

    def __len__(self):
        return len(self._codes)

    def keys(self):
        return list(self._codes)

    def get(self, code, default=None):
        return self._table.get(code, default) if code in self._set else default

    def __getitem__(self, code):
        if code not in self._set:
            raise KeyError(code)
        return self._table[code]

    def values(self):
        return [self._table[code] for code in self._codes]

    def items(self):
        return [(code, self._table[code]) for code in self._codes]

    def kinds(self, code) -> tuple:
        return self._table.kinds(code)

    def scope(self, code) -> str:
        return self._table.scope(code)


class RulesByKind(dict):
    """kind -> the document rules of that kind among ``rules`` (a RuleMap), in code order, each
    kind's list made (and its modules imported) when the engine first meets a document of it."""

    def __init__(self, rules: RuleMap):
        super().__init__()
        self._rules = rules

    def _fill(self, kind):
        if not dict.__contains__(self, kind):
            found = (self._rules.get(code) for code in self._rules
                     if kind in self._rules.kinds(code) and self._rules.scope(code) != "project")
            dict.__setitem__(self, kind, [rule for rule in found if rule is not None])
        return dict.__getitem__(self, kind)

    def get(self, kind, default=None):
        return self._fill(kind)

    def __getitem__(self, kind):
        return self._fill(kind)

    def setdefault(self, kind, default=None):
        return self._fill(kind)
