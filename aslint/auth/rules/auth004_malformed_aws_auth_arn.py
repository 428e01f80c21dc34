"""AUTH004: a rolearn/userarn that is not an IAM role or user ARN at all."""

from __future__ import annotations

from aslint.auth import arn as arns
from aslint.auth.maps import MAP_KIND, entries
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_WHY = {
    "instance-profile": "Map the role inside the instance profile (…:role/NAME): a profile is not a principal",
    "group": "Map each user, or a role the group's users assume: an IAM group is not a principal",
    "root": "Use mapAccounts, or better a role: an account root is not mapped this way",
    "federated-user": "Map the role the federation uses: a federated-user session cannot be mapped",
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
                    yield Finding(f"{pointer}/{key}", f"{key} is a {type(value).__name__}, not a string ARN", hint=f"Write an ARN such as '{example}'")
                    continue
                parsed = arns.parse(value)
                if parsed is None:
                    yield Finding(f"{pointer}/{key}", f"{key} '{value[:80]}' is not a valid IAM ARN, so the entry never matches",
                                  hint=f"Copy the ARN from the IAM console (arn:PARTITION:iam::ACCOUNT:{want}/NAME, e.g. '{example}')")
                elif parsed.rtype in _WHY:
                    yield Finding(f"{pointer}/{key}", f"{key} '{value[:80]}' is not a {want} ARN", hint=_WHY[parsed.rtype])
