"""EKS022: a Job without a pod template, without containers, or a container without name/image."""

from __future__ import annotations

from aslint.asl.dynamic import is_dynamic
from aslint.eks.job import DNS_LABEL, jobs
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class JobContainerIncomplete(Rule):
    code = "EKS022"

    def check(self, ctx):
        for view in jobs(ctx.doc):
            if view.state not in ("object", "string"):
                continue
            s = " (in the Job string)" if view.from_string else ""
            for path in (("spec",), ("spec", "template"), ("spec", "template", "spec")):
                state, value, pointer = view.get(*path)
                if state == "dynamic" or (state == "literal" and not isinstance(value, dict)):
                    break
                if state == "absent":
                    parent = view.get(*path[:-1])[2] if len(path) > 1 else view.pointer
                    yield Finding(parent, f"the Job has no {'.'.join(path)}{s}", target="key",
                                  hint="Add spec.template.spec with at least one container (name and image)")
                    break
            else:
                state, containers, pointer = view.get("spec", "template", "spec", "containers")
                if state == "absent" or (state == "literal" and containers == []):
                    at = pointer if state == "literal" else view.get("spec", "template", "spec")[2]
                    yield Finding(at, f"the Job's pod template has no containers{s}, so Kubernetes rejects it",
                                  hint="Add spec.template.spec.containers with a name and an image",
                                  target="key" if state == "absent" else "value")
                    continue
                if state != "literal" or not isinstance(containers, list):
                    continue
                seen = set()
                for i, c in enumerate(containers):
                    if not isinstance(c, dict):
                        continue
                    cptr = view.get("spec", "template", "spec", "containers", i)[2]
                    for field in ("name", "image"):
                        if field not in c:
                            yield Finding(cptr, f"container {i} of the Job has no {field}{s}",
                                          hint=f"Add \"{field}\": every container needs a name and an image")
                    name = c.get("name")
                    if isinstance(name, str) and not is_dynamic(name):
                        if name in seen:
                            yield Finding(view.get("spec", "template", "spec", "containers", i, "name")[2],
                                          f"container name '{name[:40]}' is used twice{s}", hint="Rename one: names are unique within a pod")
                        seen.add(name)
                        if not DNS_LABEL.match(name) or len(name) > 63:
                            yield Finding(view.get("spec", "template", "spec", "containers", i, "name")[2],
                                          f"container name '{name[:40]}'{s} is not a DNS-1123 label, so Kubernetes rejects the Job",
                                          hint="Rename it: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit")
