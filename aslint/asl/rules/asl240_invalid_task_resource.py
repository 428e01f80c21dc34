"""ASL240: a Task Resource that is not a Lambda function, an activity, or an arn:aws:states:::service:api integration."""

from __future__ import annotations

import re

from aslint.asl.model import model
from aslint.asl.structure import is_dynamic, short
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_PARTITION = r"arn:aws(?:-[a-z]+)*"
LAMBDA = re.compile(_PARTITION + r":lambda:[^:]*:[^:]*:function:(?P<name>[^:]*)(?::(?P<qualifier>.*))?$")
ACTIVITY = re.compile(_PARTITION + r":states:[a-z0-9-]+:\d+:activity:[^\s:]{1,80}$")
INTEGRATION = re.compile(_PARTITION + r":states:[a-z0-9-]*:\d*:(?P<service>[a-z0-9-]+):(?P<rest>.+)$")
FUNCTION_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}$")
QUALIFIER = re.compile(r"(\$LATEST|[0-9]+|[A-Za-z0-9_-]{1,128})$")
SDK_API = re.compile(r"(?P<svc>[a-z0-9]+):(?P<api>[a-zA-Z][A-Za-z0-9]*)(?P<suffix>\..*)?$")
API = re.compile(r"(?P<api>[a-zA-Z][A-Za-z0-9]*)(?P<suffix>\..*)?$")
SUFFIXES = (".sync", ".sync:2", ".waitForTaskToken")

# Integration patterns of the optimized integrations (AWS Step Functions Developer Guide,
# "Optimized integrations for Step Functions", integration pattern support table).
SYNC = {"athena", "batch", "bedrock", "codebuild", "ecs", "elasticmapreduce", "emr-containers", "emr-serverless",
        "glue", "databrew", "mediaconvert", "sagemaker", "states"}
CALLBACK = {"apigateway", "bedrock", "ecs", "events", "lambda", "sns", "sqs", "states"}
REQUEST_RESPONSE_ONLY = {"dynamodb"}
KNOWN = SYNC | CALLBACK | REQUEST_RESPONSE_ONLY


def problem(resource: str):
    """(message, certain) for a bad resource, or None."""
    if resource.startswith("arn:") and resource.split(":")[2:3] == ["lambda"]:
        m = LAMBDA.match(resource)
        if not m:
            return "is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME[:ALIAS|VERSION])", True
        if not FUNCTION_NAME.match(m["name"]):
            return f"has an invalid Lambda function name {m['name']!r} (1-64 letters, digits, '-' or '_')", True
        q = m["qualifier"]
        if q is not None and not QUALIFIER.match(q):
            return (f"has an invalid alias/version {q!r} after the function name (a version number, $LATEST, or an alias "
                    "of letters, digits, '-' and '_'); remove the trailing ':' or fix the qualifier"), True
        return None
    if ACTIVITY.match(resource):
        return None
    m = INTEGRATION.match(resource)
    if m is None:
        if resource.startswith("arn:") and ":states:" in resource and ":activity:" in resource:
            return "is not a valid activity ARN (arn:aws:states:REGION:ACCOUNT:activity:NAME)", True
        return ("is neither a Lambda function ARN, an activity ARN nor a service integration "
                "(arn:aws:states:::SERVICE:API); Step Functions is unlikely to accept it"), False
    service, rest = m["service"], m["rest"]
    if service == "eks":
        return None  # the EKS family checks its integrations
    if service == "aws-sdk":
        sm = SDK_API.match(rest)
        if sm is None:
            return "is not an AWS SDK integration of the form arn:aws:states:::aws-sdk:SERVICE:apiAction", True
        if sm["suffix"] and sm["suffix"] != ".waitForTaskToken":
            return (f"uses {sm['suffix']!r} with an AWS SDK integration, which supports only request-response and "
                    ".waitForTaskToken; remove the suffix or use an optimized integration that supports .sync"), True
        return None
    am = API.match(rest)
    if am is None:
        return f"has an invalid API name {rest!r}; write arn:aws:states:::{service}:apiName", True
    suffix = am["suffix"]
    if not suffix:
        return None
    if suffix not in SUFFIXES:
        return f"ends in {suffix!r}, which is not an integration pattern; use .sync, .sync:2 or .waitForTaskToken", True
    if suffix.startswith(".sync") and service in KNOWN and service not in SYNC:
        return f"uses {suffix} but {service} does not support the Run a Job (.sync) pattern; remove the suffix", True
    if suffix == ".waitForTaskToken" and service in KNOWN and service not in CALLBACK:
        return f"uses .waitForTaskToken but {service} does not support the callback pattern; remove the suffix", True
    return None


class InvalidTaskResource(Rule):
    code = "ASL240"

    def check(self, ctx):
        for ref in model(ctx.doc).states:
            if ref.type != "Task":
                continue
            resource = ref.node.get("Resource")
            if not isinstance(resource, str) or not resource or is_dynamic(resource):
                continue  # missing/non-string: ASL104/ASL105
            found = problem(resource)
            if found:
                message, certain = found
                yield Finding(f"{ref.pointer}/Resource", f"Resource {short(resource, 80)} of Task state '{ref.name}' {message}",
                              severity=None if certain else "warning")
