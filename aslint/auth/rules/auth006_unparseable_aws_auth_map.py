"""AUTH006: data.mapRoles / mapUsers / mapAccounts that is not a string holding a YAML or JSON list."""

from __future__ import annotations

from aslint.auth.maps import MAP_KEYS, maps
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class MapUnparseable(Rule):
    code = "AUTH006"
    kinds = ("aws-auth",)

    def check(self, ctx):
        data = ctx.data.get("data") if isinstance(ctx.data, dict) else None
        if "data" in (ctx.data or {}) and not isinstance(data, dict):
            yield Finding("/data", "aws-auth 'data' is not a mapping", hint="Map mapRoles, mapUsers and mapAccounts to strings")
            return
        if not isinstance(data, dict):
            return
        parsed = maps(ctx.doc)
        for key in MAP_KEYS:
            if key not in data:
                continue
            pointer = f"/data/{key}"
            value = data[key]
            if not isinstance(value, str):
                yield Finding(pointer, f"{key} is a {type(value).__name__}, not a string, so the API server rejects the ConfigMap",
                              hint=f"Write it as a literal block '{key}: |' followed by the list")
                continue
            docs, error = parsed.get(key, ([], None))
            if error:
                yield Finding(pointer, f"{key} does not parse ({str(error)[:80]}), so every mapping in it is dropped",
                              hint="Fix the YAML/JSON inside the string (a broken map can lock everyone out)")
                continue
            for sub in docs:
                if not isinstance(sub.data, list) and sub.data is not None:
                    yield Finding(pointer, f"{key} holds a {type(sub.data).__name__}, not a list, so the authenticator cannot read it",
                                  hint="Write '- rolearn: …' items or a JSON array")
                elif key == "mapAccounts" and isinstance(sub.data, list):
                    for i, account in enumerate(sub.data):
                        if not (isinstance(account, str) and len(account) == 12 and account.isdigit()):
                            yield Finding(pointer, f"mapAccounts item {i} ({str(account)[:20]!r}) is not a quoted 12-digit account ID",
                                          hint="Quote it so YAML keeps it a string, e.g. \"111122223333\"")
                            break
