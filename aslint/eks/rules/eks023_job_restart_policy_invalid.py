"""EKS023: a Job whose pod template's restartPolicy is not Never or OnFailure."""

from __future__ import annotations

from aslint.eks.job import jobs, literal_str
from aslint.core.finding import Finding, ValueFix
from aslint.core.rule import Rule


class JobRestartPolicy(Rule):
    code = "EKS023"

    def check(self, ctx):
        for view in jobs(ctx.doc):
            if view.state not in ("object", "string"):
                continue
            s = " (in the Job string)" if view.from_string else ""
            tstate, tspec, tptr = view.get("spec", "template", "spec")
            if tstate != "literal" or not isinstance(tspec, dict):
                continue  # a missing template is EKS022's
            state, _, pointer = view.get("spec", "template", "spec", "restartPolicy")
            if state == "dynamic":
                continue
            if state == "absent":
                yield Finding(tptr, f"the Job's pod template sets no restartPolicy{s}, and the default Always is rejected for Jobs",
                              target="key", hint="Add \"restartPolicy\": \"Never\" (or \"OnFailure\")")
                continue
            policy, _ = literal_str(view, "spec", "template", "spec", "restartPolicy")
            if policy is None:
                continue
            if policy not in ("Never", "OnFailure"):
                fix = ValueFix(pointer, "Never", "use Never") if not view.from_string else None
                yield Finding(pointer, f"restartPolicy '{policy[:30]}'{s} is rejected in a Job's pod template (only Never or OnFailure)", fix=fix,
                              hint="Use \"Never\" (a new pod per retry, failed pods keep their logs) or \"OnFailure\"")
            elif policy == "OnFailure":
                pstate, _, _ = view.get("spec", "podFailurePolicy")
                if pstate == "literal":
                    yield Finding(pointer, f"restartPolicy OnFailure with spec.podFailurePolicy{s}, which Kubernetes rejects",
                                  hint="Use \"Never\": a pod failure policy needs it",
                                  fix=ValueFix(pointer, "Never", "use Never") if not view.from_string else None)
