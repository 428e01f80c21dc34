"""What a state machine's role needs, state by state, read from the table in ``schemas/iam/needs.json``.

``needs(doc, settings, policy_docs)`` -> ``Needs``: a list of ``Need`` (one action on one resource
for one state, with the request context the evaluator uses) plus what the definition passes as
roles and whether every task was understood. Account and Region come from ``--account/--region``,
else from the ARNs of the inputs when they agree on one, else stay ``*``. Computed once per
document (``doc.cache["iam.needs"]``).
"""

from __future__ import annotations

from aslint.core import lazyre
import functools
import re
from aslint.core.record import dataclass, field

from aslint.asl.model import model
from aslint.asl.resource import parse as parse_resource
from aslint.eks.tasks import EksTask
from aslint.iam.arn import fill, parse as parse_arn

REQUIRED, UNCERTAIN, FIRST_USE = "required", "uncertain", "first-use"

_ACCOUNT = lazyre.compile(r"^\d{12}$")
_REGION = lazyre.compile(r"^[a-z]{2}(-[a-z]+)+-\d$")


@functools.lru_cache(maxsize=None)
def table() -> dict:
    from aslint.core.resources import schema

    return schema("iam/needs.json")


@dataclass
class Need:
    state: object  # StateRef
    pointer: str  # where a finding about it points
    action: str
    resource: str  # ARN (may hold '*' for what is computed at run time) or '*'
    level: str = REQUIRED
    why: str = ""
    source: str = ""
    context: dict = field(default_factory=dict)
    absent: tuple = ()
    passed_role: str | None = None  # the role ARN (or pattern) passed, for iam:PassRole
    passed_to: str | None = None  # the service it is passed to
    service_name: str | None = None  # iam:AWSServiceName, for iam:CreateServiceLinkedRole
    integration: str = ""

    def request(self):
        from aslint.iam.evaluate import Request

        return Request(self.action, self.resource, self.context, self.absent)


@dataclass
class Needs:
    items: list = field(default_factory=list)
    passed_roles: list = field(default_factory=list)  # (role ARN or pattern, service, Need)
    understood: bool = True  # every Task state's needs are known
    unknown_tasks: list = field(default_factory=list)  # state names
    account: str = "*"
    region: str = "*"
    partition: str = "aws"


def _collect_arns(value, out: list, depth: int = 0):
    if depth > 60:
        return
    if isinstance(value, str):
        if value.startswith("arn:"):
            out.append(value)
    elif isinstance(value, dict):
        for v in value.values():
            _collect_arns(v, out, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _collect_arns(v, out, depth + 1)


def _only(values) -> str | None:
    values = {v for v in values if v}
    return values.pop() if len(values) == 1 else None


def scope(data, settings, policy_docs=()) -> tuple[str, str]:
    """(account, region): settings first, else the one the inputs' ARNs agree on, else '*'."""
    arns: list = []
    _collect_arns(data, arns)
    for p in policy_docs or ():
        _collect_arns(getattr(p, "data", None), arns)
    parsed = [a for a in (parse_arn(x) for x in arns) if a is not None]
    account = getattr(settings, "account", None) or _only(a.account for a in parsed if _ACCOUNT.match(a.account))
    region = getattr(settings, "region", None) or _only(a.region for a in parsed if _REGION.match(a.region))
    return account or "*", region or "*"


def _param(task: EksTask, name: str) -> str:
    """The literal string value of a parameter, or '*' when computed at run time or absent."""
    value = task.literal(name)
    return value if isinstance(value, str) and value else "*"


def _tags(task: EksTask) -> tuple[dict, tuple]:
    if task.is_dynamic("Tags"):
        return {}, ()
    tags = task.literal("Tags")
    if tags is None:
        return {}, ("aws:requesttag/", "aws:tagkeys")
    if isinstance(tags, dict) and all(isinstance(v, str) for v in tags.values()):
        ctx = {f"aws:requesttag/{k}".lower(): [v] for k, v in tags.items()}
        ctx["aws:tagkeys"] = list(tags)
        return ctx, ()
    return {}, ()


def _function_arn(value: str, partition: str, region: str, account: str) -> str:
    if value == "*":
        return f"arn:{partition}:lambda:{region}:{account}:function:*"
    if value.startswith("arn:"):
        return value
    if ":function:" in value:  # 123456789012:function:name
        acct, rest = value.split(":function:", 1)
        return f"arn:{partition}:lambda:{region}:{acct}:function:{rest}"
    return f"arn:{partition}:lambda:{region}:{account}:function:{value}"


def _resolve(template: str, task: EksTask, values: dict) -> str:
    def param(m):
        return _param(task, m.group(1))

    text = re.sub(r"\$\{param:([A-Za-z0-9]+)\}", param, template)
    if "${lambda:FunctionName}" in text:
        text = text.replace("${lambda:FunctionName}", _function_arn(_param(task, "FunctionName"), values["Partition"], values["Region"], values["Account"]))
    return fill(text, values) if "${" in text and not text.startswith("${") else text


def _sdk_action(key: str) -> tuple[str, str]:
    data = table()
    service, api = key.split(":", 1)
    mapped = data.get("sdk_actions", {}).get(key)
    if mapped:
        return mapped, mapped.split(":", 1)[0]
    prefix = data.get("sdk_prefixes", {}).get(service.lower(), service.lower())
    return f"{prefix}:{api[:1].upper()}{api[1:]}", prefix


def compute(doc, settings=None, policy_docs=()) -> Needs:
    cached = doc.cache.get("iam.needs")
    if cached is not None:
        return cached
    account, region = scope(doc.data, settings, policy_docs)
    out = Needs(account=account, region=region)
    integrations = table().get("integrations", {})
    partitions = set()
    for ref in model(doc).states:
        if ref.type != "Task":
            continue
        resource = ref.node.get("Resource")
        if not isinstance(resource, str):
            out.understood = False
            out.unknown_tasks.append(ref.name)
            continue
        field_name = "Arguments" if ref.jsonata else "Parameters"
        params = ref.node.get(field_name)
        task = EksTask(ref, resource, "", "", ref.query_language, field_name,
                       params if isinstance(params, dict) else None, f"{ref.pointer}/{field_name}")
        where = f"{ref.pointer}/Resource"
        parsed = parse_resource(resource)
        if parsed is not None and parsed.kind == "lambda" and parsed.api.startswith("function:"):
            out.items.append(Need(ref, where, "lambda:InvokeFunction", resource, source="Lambda function as the Task Resource",
                                  integration="lambda"))
            continue
        if parsed is not None and parsed.kind == "activity":
            continue  # an activity: the worker, not the role, does the work
        if parsed is None or parsed.kind not in ("integration", "sdk"):
            out.understood = False
            out.unknown_tasks.append(ref.name)
            continue
        partition, key, pattern, sdk = parsed.partition, parsed.key, parsed.pattern, parsed.kind == "sdk"
        partition = partition if re.match(r"^[a-z-]+$", partition) else "*"
        partitions.add(partition)
        values = {"Partition": partition, "Region": region, "Account": account}
        if sdk:
            action, prefix = _sdk_action(key)
            checked = prefix in table().get("sdk_checked", ())
            if not checked:
                out.understood = False  # the IAM action may be named otherwise: unused grants cannot be judged
            out.items.append(Need(ref, where, action, "*", REQUIRED if checked else UNCERTAIN,
                                  why="" if checked else f"aws-sdk integration: aslint assumes the IAM action is named after the API ({action}); a few are not",
                                  source="aws-sdk integration", integration=f"aws-sdk:{key}"))
            continue
        entry = integrations.get(key)
        if entry is None:
            out.understood = False
            out.unknown_tasks.append(ref.name)
            continue
        tag_ctx, tag_absent = _tags(task) if key.startswith("eks:create") else ({}, ())
        for spec in entry.get("needs", ()):
            patterns = spec.get("patterns")
            if patterns is not None and pattern not in patterns and not (pattern.startswith(".waitForTaskToken") and "" in patterns):
                continue
            if spec.get("when_param") and not task.has(spec["when_param"]):
                continue
            level = spec.get("level", REQUIRED)
            pass_role = spec.get("pass_role")
            for action in spec.get("actions", ()):
                if pass_role:
                    name = pass_role["param"]
                    if not task.has(name):
                        continue  # EKS002 reports the missing parameter
                    role = _param(task, name)
                    role = role if role != "*" else f"arn:{partition}:iam::{account}:role/*"
                    ctx = {} if pass_role.get("service_uncertain") else {"iam:passedtoservice": [pass_role["service"]]}
                    need = Need(ref, task.pointer(name), action, role, level, why=spec.get("why", ""), source=spec.get("source", ""),
                                context=ctx, passed_role=role, passed_to=pass_role["service"], integration=key)
                    need.why = need.why or f"{pass_role.get('what', 'a role')} is passed to {pass_role['service']}"
                    out.passed_roles.append((role, pass_role["service"], need))
                    out.items.append(need)
                    continue
                target = _resolve(spec.get("resource", "*"), task, values)
                need = Need(ref, where, action, target, level, why=spec.get("why", ""), source=spec.get("source", ""),
                            integration=key)
                if action.startswith("eks:Create"):
                    need.context, need.absent = dict(tag_ctx), tag_absent
                if spec.get("service_name"):
                    need.service_name = spec["service_name"]
                    if "*" not in spec["service_name"]:
                        need.context = {"iam:awsservicename": [spec["service_name"]]}
                out.items.append(need)
    out.partition = _only(partitions) or "aws"
    doc.cache["iam.needs"] = out
    return out
