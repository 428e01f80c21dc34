"""ASL201: a Next, Default or Catch Next that names no state of the same machine."""

from __future__ import annotations

from aslint.asl.graph import graphs, state_named
from aslint.asl.structure import describe, did_you_mean, machine_label
from aslint.core.finding import Finding
from aslint.core.rule import Rule

WHAT = {"Next": "Next", "Default": "Default", "Choices": "Choice rule's Next", "Catch": "Catch's Next"}


class MissingTransitionTarget(Rule):
    code = "ASL201"

    def check(self, ctx):
        for g in graphs(ctx.doc):
            states = g.machine.states
            for edge in g.edges:
                if edge.kind == "Typo":
                    continue  # a misspelt Next: ASL101/ASL202
                target, what = edge.target, WHAT[edge.kind]
                if isinstance(target, str) and (target in states or "${" in target):
                    continue  # a ${Token} is substituted at deploy time: unknown, not wrong
                if not isinstance(target, str):
                    if edge.kind == "Choices":  # others are typed by schemas/asl/fields.json (ASL105)
                        yield Finding(edge.pointer, f"{what} in state '{edge.source}' is {describe(target)}, not a state name",
                                      hint="Name the state to go to")
                    continue
                other = state_named(ctx.doc, target, g.machine)
                if other is not None:
                    msg = (f"{what} '{target}' in state '{edge.source}' leaves {machine_label(g.machine)} for "
                           f"{machine_label(other.machine)}")
                    hint = ("Transitions cannot cross into or out of a Parallel branch or Map processor: go to a state "
                            "of the same machine and let the Parallel/Map state's own Next continue")
                else:
                    msg = f"{what} '{target}' in state '{edge.source}' names no state{did_you_mean(target, states)}"
                    hint = "Use the exact (case-sensitive) name of a state in the same machine"
                yield Finding(edge.pointer, msg, hint=hint)
