"""EKS021: a Job name (metadata.name / generateName) Kubernetes rejects."""

from __future__ import annotations

from aslint.eks.job import DNS_SUBDOMAIN, GENERATE_NAME_KEPT, JOB_NAME_MAX, jobs, literal_str
from aslint.core.finding import Finding
from aslint.core.rule import Rule


def _suggest(name: str) -> str:
    import re

    s = re.sub(r"[^a-z0-9.-]+", "-", name.lower()).strip("-.")[:JOB_NAME_MAX].strip("-.")
    return s or "my-job"


class InvalidJobName(Rule):
    code = "EKS021"

    def check(self, ctx):
        for view in jobs(ctx.doc):
            if view.state not in ("object", "string"):
                continue
            mstate, meta, mptr = view.get("metadata")
            nstate, _, _ = view.get("metadata", "name")
            gstate, _, _ = view.get("metadata", "generateName")
            if mstate == "dynamic" or nstate == "dynamic" or gstate == "dynamic":
                continue
            if nstate == "absent" and gstate == "absent":
                target = mptr if mstate == "literal" else view.pointer
                yield Finding(target, f"the Job has no metadata.name or metadata.generateName{' (in the Job string)' if view.from_string else ''}, "
                                      "so Kubernetes rejects it (422)", target="key",
                              hint="Add metadata.name (e.g. \"my-job\"), or generateName (\"my-job-\") for a fresh name per execution")
                continue
            name, pointer = literal_str(view, "metadata", "name")
            if name is not None:
                why = None
                if len(name) > JOB_NAME_MAX:
                    why = f"is {len(name)} characters, over the {JOB_NAME_MAX} of the pods' job-name label"
                elif not DNS_SUBDOMAIN.match(name):
                    why = "is not a DNS-1123 name"
                if why:
                    yield Finding(pointer, f"Job name '{name[:40]}'{' (in the Job string)' if view.from_string else ''} {why}, so Kubernetes rejects the Job",
                                  hint=f"Use lowercase letters, digits, '-' and '.', e.g. '{_suggest(name)[:50]}'")
            prefix, pointer = literal_str(view, "metadata", "generateName")
            if prefix is not None and name is None:
                body = prefix[:-1] if prefix.endswith("-") else prefix
                if not body or not DNS_SUBDOMAIN.match(body):
                    yield Finding(pointer, f"generateName '{prefix[:40]}'{' (in the Job string)' if view.from_string else ''} is not a valid DNS-1123 name prefix",
                                  hint=f"Use lowercase letters, digits, '-' and '.', e.g. '{_suggest(prefix)[:50]}-'")
                elif len(prefix) > GENERATE_NAME_KEPT:
                    yield Finding(pointer, f"generateName '{prefix[:30]}…'{' (in the Job string)' if view.from_string else ''} is {len(prefix)} characters; "
                                           f"Kubernetes keeps only the first {GENERATE_NAME_KEPT}",
                                  hint=f"Shorten it to {GENERATE_NAME_KEPT} characters or fewer")
