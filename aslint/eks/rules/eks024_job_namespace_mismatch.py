"""EKS024: the runJob Namespace parameter and the Job's metadata.namespace disagree."""

from __future__ import annotations

from aslint.eks.job import jobs, literal_str
from aslint.eks.values import literal_string
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class JobNamespaceMismatch(Rule):
    code = "EKS024"

    def check(self, ctx):
        for view in jobs(ctx.doc):
            if view.state not in ("object", "string"):
                continue
            inner, pointer = literal_str(view, "metadata", "namespace")
            if inner is None:
                continue
            task = view.task
            if task.has("Namespace"):
                outer, outer_ptr = literal_string(task, "Namespace")
                if outer is None:
                    continue
                given = f"Namespace '{outer}'"
            else:
                outer, outer_ptr, given = "default", None, "no Namespace (so 'default')"
            if inner == outer:
                continue
            related = [(outer_ptr, f"Namespace '{outer}'")] if outer_ptr else []
            yield Finding(pointer, f"the Job's metadata.namespace is '{inner[:40]}' but the task has {given[:60]}, so Kubernetes refuses it (400)",
                          related=related, hint=f"Set Namespace to '{inner[:40]}' or drop metadata.namespace")
