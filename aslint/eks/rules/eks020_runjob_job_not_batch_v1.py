"""EKS020: the Job of a runJob is not a batch/v1 Job (or a Job string that does not parse)."""

from __future__ import annotations

from aslint.eks.job import jobs, literal_str
from aslint.core.finding import Finding, ValueFix
from aslint.core.rule import Rule


class JobNotBatchV1(Rule):
    code = "EKS020"

    def check(self, ctx):
        for view in jobs(ctx.doc):
            if view.state == "unparsable":
                yield Finding(view.pointer, f"the Job string is neither JSON nor YAML ({str(view.error)[:80]})",
                              hint="Fix the text, or give the Job as an object")
                continue
            if view.state not in ("object", "string"):
                continue
            state, _, pointer = view.get("apiVersion")
            version, _ = literal_str(view, "apiVersion")
            if state == "absent":
                yield Finding(view.pointer, f"the Job{' string' if view.from_string else ''} has no apiVersion", target="key",
                              hint=f"Add \"apiVersion\": \"batch/v1\"{' to the Job string' if view.from_string else ''}")
            elif version is not None and version != "batch/v1":
                fix = ValueFix(pointer, "batch/v1", "use batch/v1") if not view.from_string and version.startswith("batch/") else None
                yield Finding(pointer, f"Job apiVersion is '{version[:40]}'{' (in the Job string)' if view.from_string else ''}, but runJob runs batch/v1 Jobs only",
                              fix=fix, hint="Use \"apiVersion\": \"batch/v1\" (other objects need eks:call with POST)")
            state, _, pointer = view.get("kind")
            kind, _ = literal_str(view, "kind")
            if state == "absent":
                yield Finding(view.pointer, f"the Job{' string' if view.from_string else ''} has no kind", target="key",
                              hint=f"Add \"kind\": \"Job\"{' to the Job string' if view.from_string else ''}")
            elif kind is not None and kind != "Job":
                yield Finding(pointer, f"Job kind is '{kind[:40]}'{' (in the Job string)' if view.from_string else ''}, but runJob only creates Jobs",
                              hint="Send other kinds with eks:call (POST to their collection path)")
