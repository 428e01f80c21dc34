"""IAM011: Resource "*" for actions that can be scoped to a resource type (see rules/IAM011.md)."""

from __future__ import annotations

from aslint.core.finding import Finding
from aslint.iam import catalog
from aslint.iam.arn import has_wildcard
from aslint.iam.policy import statements
from aslint.core.rule import Rule


class ResourceStarForScopableAction(Rule):
    code = "IAM011"
    kinds = ("iam-policy",)

    def check(self, ctx):
        for stmt in statements(ctx.doc):
            if not stmt.allow or stmt.action is None or stmt.resource is None:
                continue
            stars = [(v, p) for v, p in stmt.resource.values if isinstance(v, str) and v.strip() == "*"]
            if not stars:
                continue
            scopable = {}
            for value in stmt.action.strings():
                v = value.strip()
                if v == "*" or (v.endswith(":*") and v.count(":") == 1):
                    continue  # IAM010 reports the wildcard itself
                names = catalog.expand(v) if has_wildcard(v) else [catalog.canonical(v)]
                for name in names:
                    if name == "iam:PassRole":
                        continue  # IAM020 reports PassRole on every role
                    types = catalog.resource_types(name) if name else None
                    if types:
                        scopable[name] = types
            if not scopable:
                continue
            prefix_types = sorted({(a.split(":", 1)[0], t) for a, ts in scopable.items() for t in ts})
            templates = [catalog.arn_template(p, t) or f"{p} {t}" for p, t in prefix_types]
            shown = sorted(scopable)
            listed = ", ".join(shown[:3]) + (f" and {len(shown) - 3} more" if len(shown) > 3 else "")
            yield Finding(stars[0][1], f"{stmt.label()} grants {listed} on every resource (\"*\"), though "
                                       f"{'it takes' if len(scopable) == 1 else 'they take'} resource ARNs",
                          hint=f"Name the resources ({'; '.join(templates)[:150]}); keep \"*\" for actions without resource types")
