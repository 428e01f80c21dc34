"""IAM040: policy Version missing, old (2008-10-17) or invalid (see rules/IAM040.md)."""

from __future__ import annotations

from aslint.core import lazyre
import json
import re

from aslint.core.finding import Finding, ValueFix
from aslint.core.rule import Rule

CURRENT = "2012-10-17"
_VARIABLE = lazyre.compile(r"\$\{(?:(?:aws|s3|sts|iam|ec2|ssm|saml):(?!:)[^{}]*|[*?$])\}", re.I)  # not ${AWS::Region}


class MissingOrOldVersion(Rule):
    code = "IAM040"
    kinds = ("iam-policy",)

    def check(self, ctx):
        data = ctx.data
        if not isinstance(data, dict):
            return
        if "Version" not in data:
            if ctx.doc.context.get("synthetic"):
                return  # a SAM policy template's expansion: SAM writes it
            variables = _VARIABLE.search(json.dumps(data.get("Statement")))
            if variables:
                yield Finding("/Statement", f"the policy has no Version, so its policy variable {variables.group(0)[:40]} is plain text that matches nothing",
                              target="key", hint=f"Add \"Version\": \"{CURRENT}\"")
            else:
                yield Finding("/Statement", "the policy has no Version, so IAM reads it in the old 2008-10-17 language",
                              target="key", severity="info", hint=f"Add \"Version\": \"{CURRENT}\"")
            return
        version = data["Version"]
        if version == CURRENT:
            return
        if version == "2008-10-17":
            yield Finding("/Version", "Version 2008-10-17 is the old policy language, where policy variables are not replaced",
                          hint=f"Use \"{CURRENT}\"", fix=ValueFix("/Version", CURRENT, f"set Version to {CURRENT}"))
            return
        yield Finding("/Version", f"Version {str(version)[:40]!r} is not a policy language version", severity="error",
                      hint=f"Use \"{CURRENT}\" (IAM also accepts the old \"2008-10-17\")",
                      fix=ValueFix("/Version", CURRENT, f"set Version to {CURRENT}"))
