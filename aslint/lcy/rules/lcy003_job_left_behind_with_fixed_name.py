"""LCY003: a Kubernetes Job with a fixed name may be left in the cluster; the next run's runJob then fails."""

from __future__ import annotations

from aslint.lcy.cfg import EXIT_ERROR, EXIT_FAIL, EXIT_SUCCESS
from aslint.lcy.dataflow import flow
from aslint.lcy.report import leak_finding, leak_findings
from aslint.core.rule import Rule


class JobLeftBehind(Rule):
    code = "LCY003"
    kinds = ("asl",)

    def check(self, ctx):
        # one finding per Job: a Job left behind blocks the next run whichever way this one ends;
        # the other exits it can leave by become related locations of that one finding
        g = flow(ctx.doc).g
        first: dict = {}
        for leak in leak_findings(ctx.doc, (EXIT_SUCCESS, EXIT_FAIL, EXIT_ERROR), ("job",)):
            res, _x, _edge, leaving, names, others, _hint = leak
            if id(res) not in first:
                first[id(res)] = list(leak)
                continue
            kept = first[id(res)]
            known = {kept[3].pointer} | {r.pointer for r, _ in kept[5]}
            kept[5] = kept[5] + [(leaving, names)] * (leaving.pointer not in known) + [o for o in others if o[0].pointer not in known]
        for leak in first.values():
            yield leak_finding(*leak, g)
