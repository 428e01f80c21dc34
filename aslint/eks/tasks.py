"""Recognizing the Amazon EKS integration tasks of a state machine.

Stable API (used by the EKS, PAY, LCY and IAM families)::

    from aslint.eks.tasks import eks_tasks, parse_resource

    for task in eks_tasks(doc):          # every Task state whose Resource is arn:…:states:::eks:…
        task.ref                         # aslint.asl.model.StateRef
        task.api                         # 'createCluster', …, 'runJob', 'call', or the unknown name
        task.pattern                     # '' (request-response), '.sync', '.waitForTaskToken', other suffix
        task.query_language              # 'JSONPath' or 'JSONata'
        task.params                      # the Parameters (JSONPath) / Arguments (JSONata) object, or None
        task.params_pointer              # its pointer (even when absent)
        task.has("ClusterName")          # given at all, literally or dynamically
        task.literal("ClusterName")      # the literal value, or None (absent or dynamic)
        task.is_dynamic("ClusterName")   # given as ClusterName.$ (JSONPath) or '{% … %}' (JSONata)
        task.pointer("ClusterName")      # pointer of the field as written (Name or Name.$)

Computed once per document and cached in ``doc.cache["eks.tasks"]``.
"""

from __future__ import annotations

from aslint.core.record import dataclass

from aslint.asl.integrations import eks_apis
from aslint.asl.model import StateRef, model
from aslint.asl.resource import eks_integration
from aslint.core.pointer import escape

#: the APIs Step Functions offers for EKS, with the Resource suffixes each one supports (from the
#: integrations table)
KNOWN_APIS = eks_apis()


def parse_resource(resource) -> tuple[str, str] | None:
    """(api, pattern) for an EKS integration resource ARN, or None for anything else.

    Accepts ``arn:aws:states:::eks:runJob.sync`` and the partition forms ``arn:aws-cn:…``,
    ``arn:aws-us-gov:…`` and the template form ``arn:${AWS::Partition}:…``.
    """
    parsed = eks_integration(resource)
    return (parsed.api, parsed.pattern) if parsed is not None else None


from aslint.asl.dynamic import is_dynamic_field, is_expression  # noqa: E402  (the one test)


@dataclass
class EksTask:
    ref: StateRef
    resource: str
    api: str
    pattern: str
    query_language: str
    params_field: str  # "Parameters" or "Arguments"
    params: dict | None
    params_pointer: str

    @property
    def jsonata(self) -> bool:
        return self.query_language == "JSONata"

    @property
    def known(self) -> bool:
        """The API is one Step Functions offers for EKS."""
        return self.api in KNOWN_APIS

    @property
    def sync(self) -> bool:
        return self.pattern == ".sync"

    def has(self, name: str) -> bool:
        """The field is given, literally or dynamically."""
        p = self.params
        return isinstance(p, dict) and (name in p or (not self.jsonata and name + ".$" in p))

    def is_dynamic(self, name: str) -> bool:
        """Given as ``Name.$`` (JSONPath) or as a ``{% … %}`` string (JSONata)."""
        return is_dynamic_field(self.params, name, self.jsonata)

    def literal(self, name: str):
        """The literal value of the field, or None when absent or dynamic."""
        p = self.params
        if not isinstance(p, dict) or name not in p:
            return None
        value = p[name]
        if self.jsonata and is_expression(value):
            return None
        return value

    def pointer(self, name: str) -> str:
        """Pointer of the field as written (``Name`` or ``Name.$``); ``Name`` when absent."""
        p = self.params if isinstance(self.params, dict) else {}
        if name not in p and not self.jsonata and name + ".$" in p:
            return f"{self.params_pointer}/{escape(name + '.$')}"
        return f"{self.params_pointer}/{escape(name)}"


def _build(doc) -> list:
    tasks = []
    for ref in model(doc).states:
        if ref.type != "Task":
            continue
        parsed = parse_resource(ref.node.get("Resource"))
        if parsed is None:
            continue
        api, pattern = parsed
        field = "Arguments" if ref.jsonata else "Parameters"
        params = ref.node.get(field)
        tasks.append(EksTask(ref, ref.node.get("Resource"), api, pattern, ref.query_language, field,
                             params if isinstance(params, dict) else None, f"{ref.pointer}/{field}"))
    return tasks


def eks_tasks(doc) -> list:
    """Every EKS task state of ``doc`` (an ASL document), in the order of ``aslint.asl.model`` states."""
    cached = doc.cache.get("eks.tasks")
    if cached is None:
        cached = doc.cache["eks.tasks"] = _build(doc)
    return cached

