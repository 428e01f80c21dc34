"""ASL240: a Task Resource that is not a Lambda function, an activity, or an arn:aws:states:::service:api integration."""

from __future__ import annotations

from aslint.core import lazyre

from aslint.asl.model import model
from aslint.asl.resource import parse
from aslint.asl.structure import is_dynamic, short
from aslint.core.finding import Finding
from aslint.core.rule import Rule

_STANDARD_PARTITION = lazyre.compile(r"aws(?:-[a-z]+)*$")
LAMBDA_TAIL = lazyre.compile(r"[^:]*:[^:]*:function:(?P<name>[^:]*)(?::(?P<qualifier>.*))?$")
ACTIVITY_TAIL = lazyre.compile(r"[^\s:]{1,80}$")
ACTIVITY_SCOPE = lazyre.compile(r"[a-z0-9-]+:\d+$")
INTEGRATION_SCOPE = lazyre.compile(r"[a-z0-9-]*:\d*$")
SERVICE = lazyre.compile(r"[a-z0-9-]+$")
SDK_SERVICE = lazyre.compile(r"[a-z0-9]+$")
FUNCTION_NAME = lazyre.compile(r"[A-Za-z0-9_-]{1,64}$")
QUALIFIER = lazyre.compile(r"(\$LATEST|[0-9]+|[A-Za-z0-9_-]{1,128})$")
API = lazyre.compile(r"[a-zA-Z][A-Za-z0-9]*$")
SUFFIXES = (".sync", ".sync:2", ".waitForTaskToken")
PATTERN_ORDER = ("request-response", "sync", "callback")
PATTERN_NAME = {"sync": "Run a Job (.sync)", "callback": "callback (.waitForTaskToken)"}
SDK_FORM = ("is not a valid AWS SDK integration", "Write arn:aws:states:::aws-sdk:SERVICE:apiAction", True)


def problem(resource: str):
    """(message, hint, certain) for a bad resource, or None. The integration patterns each optimized
    API (or, where its APIs' patterns are unknown, each service) supports come from the integrations
    table (AWS Step Functions Developer Guide, "Integrating optimized services with Step Functions"
    and each service's page)."""
    from aslint.asl.integrations import optimized_services, services_with

    parsed = parse(resource)
    standard = parsed is not None and bool(_STANDARD_PARTITION.match(parsed.partition))
    if parsed is not None and parsed.kind == "lambda":
        m = LAMBDA_TAIL.match(parsed.api) if standard else None
        if not m:
            return "is not a Lambda function ARN", "Write arn:aws:lambda:REGION:ACCOUNT:function:NAME[:ALIAS|VERSION]", True
        if not FUNCTION_NAME.match(m["name"]):
            return f"has an invalid Lambda function name {m['name'][:40]!r}", "Use 1-64 letters, digits, '-' or '_'", True
        q = m["qualifier"]
        if q is not None and not QUALIFIER.match(q):
            return (f"has an invalid alias/version {q[:40]!r} after the function name",
                    "Remove the trailing ':' or write a version number, $LATEST, or an alias of letters, digits, '-' and '_'", True)
        return None
    scope = f"{parsed.region}:{parsed.account}" if parsed is not None else ""
    if standard and parsed.kind == "activity" and ACTIVITY_SCOPE.match(scope) and ACTIVITY_TAIL.match(parsed.api):
        return None
    integration = (standard and parsed.kind in ("integration", "sdk") and INTEGRATION_SCOPE.match(scope)
                   and SERVICE.match("aws-sdk" if parsed.kind == "sdk" else parsed.service))
    if not integration:
        if resource.startswith("arn:") and ":states:" in resource and ":activity:" in resource:
            return "is not a valid activity ARN", "Write arn:aws:states:REGION:ACCOUNT:activity:NAME", True
        if standard and parsed.kind == "other" and parsed.service == "aws-sdk":
            return SDK_FORM
        return ("is neither a Lambda function, an activity nor a service integration ARN",
                "Write a Lambda function ARN, an activity ARN or arn:aws:states:::SERVICE:API", False)
    service, suffix = parsed.service, parsed.pattern
    if service == "eks" and parsed.kind == "integration":
        return None  # the EKS family checks its integrations
    if parsed.kind == "sdk":
        if not SDK_SERVICE.match(service) or not API.match(parsed.api):
            return SDK_FORM
        if suffix and suffix != ".waitForTaskToken":
            return (f"uses {suffix[:30]!r}, but AWS SDK integrations support only request-response and .waitForTaskToken",
                    "Remove the suffix, or use an optimized integration that supports .sync", True)
        return _sdk_problem(service, parsed.api)
    if not API.match(parsed.api):
        rest = resource.split(f":{service}:", 1)[-1]
        return f"has an invalid API name {rest[:40]!r}", f"Write arn:aws:states:::{service}:apiName", True
    from aslint.asl.integrations import PATTERN_SUFFIX, api_patterns, apis

    names, complete = apis(service)
    if names and parsed.api not in names:
        same_case = [n for n in names if n.lower() == parsed.api.lower()]
        if same_case:
            return (f"names {service}:{parsed.api[:40]}, but the optimized API is spelt {service}:{same_case[0]}",
                    f"Write {service}:{same_case[0]}", False)
        sdk = f"arn:aws:states:::aws-sdk:{service}:{parsed.api[:40]}"
        if complete:
            return (f"names {service}:{parsed.api[:40]}, which is not an optimized {service} integration",
                    f"Call it as {sdk} (the optimized ones: {', '.join(sorted(names))[:80]})", True)
        return (f"names {service}:{parsed.api[:40]}, which is not one of the optimized {service} APIs aslint knows",
                f"If AWS rejects it, call it as {sdk}", False)
    if not suffix:
        return None
    if suffix not in SUFFIXES:
        return f"ends in {suffix[:30]!r}, which is not an integration pattern", "Use .sync, .sync:2 or .waitForTaskToken", True
    pattern = "sync" if suffix.startswith(".sync") else "callback"
    supported = api_patterns(service, parsed.api)
    if supported is not None:
        if pattern in supported:
            return None
        forms = " or ".join(f"{service}:{parsed.api}{PATTERN_SUFFIX[p]}" for p in PATTERN_ORDER if p in supported)
        return (f"uses {suffix}, but {service}:{parsed.api} does not support the {PATTERN_NAME[pattern]} pattern",
                f"Use {forms}", True)
    if service in optimized_services() and service not in services_with(pattern):
        return f"uses {suffix}, but {service} does not support the {PATTERN_NAME[pattern]} pattern", "Remove the suffix", True
    return None


def _sdk_problem(service: str, api: str):
    """The SDK form's action checked against the IAM catalog, for the services whose API names are
    their IAM action names one for one (needs.json ``sdk_checked``); other services are not judged."""
    from aslint.iam import catalog
    from aslint.iam.needs import table as needs_table

    data = needs_table()
    prefix = data.get("sdk_prefixes", {}).get(service, service)
    if prefix not in data.get("sdk_checked", ()) or not catalog.complete(prefix):
        return None
    action = f"{prefix}:{api[:1].upper()}{api[1:]}"
    if f"{service}:{api}" in data.get("sdk_actions", {}) or catalog.canonical(action):
        return None
    close = catalog.suggest(action)
    hint = f" (did you mean aws-sdk:{service}:{close.split(':', 1)[1][:1].lower()}{close.split(':', 1)[1][1:]}?)" if close else ""
    return (f"names aws-sdk:{service}:{api[:40]}, which is not an API of {service}{hint}",
            "Use an API name of the service (as the AWS SDK spells it, lowerCamelCase)", True)


class InvalidTaskResource(Rule):
    code = "ASL240"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        judged: dict = {}  # resource -> problem(resource): a definition repeats a few resources many times
        for ref in model(ctx.doc).states:
            if ref.type != "Task":
                continue
            resource = ref.node.get("Resource")
            if not isinstance(resource, str) or not resource:
                continue  # missing/non-string: ASL104/ASL105
            found = judged.get(resource, judged)
            if found is judged:
                found = judged[resource] = None if is_dynamic(resource) else problem(resource)
            if found:
                message, hint, certain = found
                yield Finding(f"{ref.pointer}/Resource", f"Resource {short(resource, 60)} of Task state '{ref.name}' {message}",
                              severity=None if certain else "warning", hint=hint)
