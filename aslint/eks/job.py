"""The Kubernetes Job an ``eks:runJob`` task sends, as an object or as a JSON/YAML string.

``job_of(doc, task)`` returns a :class:`JobView` (cached per document in ``doc.cache["eks.jobs"]``)
whose ``get("spec", "template", …)`` answers (state, value, pointer) with state 'literal',
'dynamic' or 'absent'. A Job given as a string is parsed; every pointer then is the string's.
"""

from __future__ import annotations

from aslint.core import lazyre
from aslint.core.record import dataclass

from aslint.eks.params import DYNAMIC, normalize, original_pointer
from aslint.eks.tasks import eks_tasks, is_expression

# kubernetes-facts.md §1.1/1.2: DNS-1123 subdomain / label
DNS_SUBDOMAIN = lazyre.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
DNS_LABEL = lazyre.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
JOB_NAME_MAX = 63  # the name is copied into the pod label job-name, whose values are at most 63 chars
GENERATE_NAME_KEPT = 58  # the server keeps 58 chars of a generateName prefix and adds 5 random ones


@dataclass
class JobView:
    task: object
    pointer: str  # the Job field (Job or Job.$)
    state: str  # 'object', 'string', 'dynamic', 'absent', 'invalid' (not an object or string), 'unparsable'
    data: object = None  # normalised object (dynamic values are DYNAMIC)
    raw: object = None  # the Job as written when it is an object
    error: str = ""

    @property
    def from_string(self) -> bool:
        return self.state == "string"

    def get(self, *path):
        """(state, value, pointer) of a field of the Job: 'literal', 'dynamic' or 'absent'."""
        node = self.data
        for seg in path:
            if node == DYNAMIC:
                return "dynamic", None, self.at(path)
            if isinstance(node, dict) and seg in node:
                node = node[seg]
            elif isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
                node = node[seg]
            else:
                return "absent", None, self.at(path)
        if node == DYNAMIC:
            return "dynamic", None, self.at(path)
        return "literal", node, self.at(path)

    def at(self, path) -> str:
        """Pointer for a field: inside an object Job the field itself, inside a string the string."""
        if self.state != "object":
            return self.pointer
        return original_pointer(self.raw, self.pointer, list(path))

    def where(self, *path) -> str:
        text = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path).replace(".[", "[")
        return text + (" (in the Job string)" if self.from_string else "")


def _parse(text: str):
    import json

    try:
        return json.loads(text), ""
    except ValueError:
        pass
    try:
        from aslint.core.yamlparse import safe_data

        return safe_data(text), ""
    except Exception as err:  # yaml.YAMLError and anything odd in a broken string
        return None, str(err).splitlines()[0] if str(err) else type(err).__name__


def _build(task) -> JobView:
    pointer = task.pointer("Job")
    if not task.has("Job"):
        return JobView(task, pointer, "absent")
    if task.is_dynamic("Job"):
        return JobView(task, pointer, "dynamic")
    raw = task.literal("Job")
    if isinstance(raw, dict):
        return JobView(task, pointer, "object", normalize(raw, task.jsonata), raw)
    if isinstance(raw, str):
        if "${" in raw and not raw.lstrip().startswith(("{", "apiVersion", "kind")):
            return JobView(task, pointer, "dynamic")
        parsed, error = _parse(raw)
        if not isinstance(parsed, dict):
            return JobView(task, pointer, "unparsable", error=error or "it is not a mapping")
        return JobView(task, pointer, "string", parsed)
    return JobView(task, pointer, "invalid")


def jobs(doc) -> list:
    """JobView of every runJob task of ``doc`` (cached)."""
    cached = doc.cache.get("eks.jobs")
    if cached is None:
        cached = doc.cache["eks.jobs"] = [_build(t) for t in eks_tasks(doc) if t.api == "runJob"]
    return cached


def literal_str(view: JobView, *path):
    """(value, pointer) of a literal string field of the Job, else (None, pointer)."""
    state, value, pointer = view.get(*path)
    if state == "literal" and isinstance(value, str) and not is_expression(value) and "${" not in value:
        return value, pointer
    return None, pointer
