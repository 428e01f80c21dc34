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
                yield Finding(target, f"the Job has no metadata.name or metadata.generateName{' (in the Job string)' if view.from_string else ''}; "
                                      f"Kubernetes rejects it (422). Add metadata.name (e.g. \"my-job\"), or generateName "
                                      f"(e.g. \"my-job-\") so that each execution gets a fresh name.", target="key")
                continue
            name, pointer = literal_str(view, "metadata", "name")
            if name is not None:
                why = None
                if len(name) > JOB_NAME_MAX:
                    why = (f"is {len(name)} characters long; a Job name is copied into the pods' job-name label, "
                           f"whose values are at most {JOB_NAME_MAX} characters")
                elif not DNS_SUBDOMAIN.match(name):
                    why = "is not a DNS-1123 name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)"
                if why:
                    yield Finding(pointer, f"Job name '{name}'{' (in the Job string)' if view.from_string else ''} {why}; "
                                           f"Kubernetes rejects the Job (422). Use e.g. '{_suggest(name)}'.")
            prefix, pointer = literal_str(view, "metadata", "generateName")
            if prefix is not None and name is None:
                body = prefix[:-1] if prefix.endswith("-") else prefix
                if not body or not DNS_SUBDOMAIN.match(body):
                    yield Finding(pointer, f"generateName '{prefix}'{' (in the Job string)' if view.from_string else ''} is not a valid prefix of a DNS-1123 name (lowercase "
                                           f"letters, digits, '-' and '.'); Kubernetes rejects the Job. Use e.g. "
                                           f"'{_suggest(prefix)}-'.")
                elif len(prefix) > GENERATE_NAME_KEPT:
                    yield Finding(pointer, f"generateName '{prefix}'{' (in the Job string)' if view.from_string else ''} is {len(prefix)} characters; Kubernetes keeps only "
                                           f"the first {GENERATE_NAME_KEPT} before adding 5 random characters, so the "
                                           f"names will not start with what you wrote. Shorten it.")
