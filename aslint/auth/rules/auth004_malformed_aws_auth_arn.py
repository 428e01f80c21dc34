"""AUTH004: a rolearn/userarn that is not an IAM role or user ARN at all."""

from __future__ import annotations

from aslint.auth import arn as arns
from aslint.auth.maps import MAP_KIND, entries
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_WHY = {
    "instance-profile": "an instance profile is not a principal: map the role inside it (…:role/NAME)",
    "group": "an IAM group is not a principal and cannot be mapped: map each user, or a role the group's users assume",
    "root": "an account root is not mapped this way: use mapAccounts, or better a role",
    "federated-user": "a federated-user session cannot be mapped: map the role the federation uses",
}


class MalformedArn(Rule):
    code = "AUTH004"
    kinds = (MAP_KIND,)

    def check(self, ctx):
        for pointer, entry in entries(ctx.doc):
            for key, want in (("rolearn", "role"), ("userarn", "user")):
                if key not in entry:
                    continue
                value = entry[key]
                if arns.is_dynamic(value):
                    continue
                example = f"arn:aws:iam::111122223333:{want}/NAME"
                if not isinstance(value, str):
                    yield Finding(f"{pointer}/{key}", f"{key} must be a string ARN such as '{example}', not {type(value).__name__}")
                    continue
                parsed = arns.parse(value)
                if parsed is None:
                    yield Finding(f"{pointer}/{key}", f"{key} '{value}' is not a valid IAM ARN (arn:PARTITION:iam::ACCOUNT12DIGITS:{want}/NAME); "
                                  f"the entry never matches; copy the ARN from the IAM console, e.g. '{example}'")
                elif parsed.rtype in _WHY:
                    yield Finding(f"{pointer}/{key}", f"{key} '{value}' is not a {want} ARN: {_WHY[parsed.rtype]}")
