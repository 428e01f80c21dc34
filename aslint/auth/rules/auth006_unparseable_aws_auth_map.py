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
            yield Finding("/data", "aws-auth 'data' must be a mapping of mapRoles/mapUsers/mapAccounts to strings")
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
                yield Finding(pointer, f"{key} must be a string holding a YAML list (a ConfigMap's data values are "
                              f"strings; the API server rejects a {type(value).__name__}); write it as a literal block "
                              f"'{key}: |' followed by the list")
                continue
            docs, error = parsed.get(key, ([], None))
            if error:
                yield Finding(pointer, f"{key} does not parse ({error}): the authenticator then drops every mapping "
                              f"in it, which can lock everyone out; fix the YAML/JSON inside the string")
                continue
            for sub in docs:
                if not isinstance(sub.data, list) and sub.data is not None:
                    yield Finding(pointer, f"{key} must hold a list ('- rolearn: …' items or a JSON array), "
                                  f"not a {type(sub.data).__name__}; the authenticator cannot read it")
                elif key == "mapAccounts" and isinstance(sub.data, list):
                    for i, account in enumerate(sub.data):
                        if not (isinstance(account, str) and len(account) == 12 and account.isdigit()):
                            yield Finding(pointer, f"mapAccounts item {i} ({account!r}) is not a quoted 12-digit "
                                          "account ID; quote it so YAML keeps it a string, e.g. \"111122223333\"")
                            break
