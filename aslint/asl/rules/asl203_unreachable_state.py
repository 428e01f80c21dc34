"""ASL203: a state that no path from StartAt reaches."""

from __future__ import annotations

from aslint.asl.graph import graphs
from aslint.asl.structure import machine_label
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class UnreachableState(Rule):
    code = "ASL203"

    def check(self, ctx):
        for g in graphs(ctx.doc):
            if not g.start_ok:
                continue  # a broken StartAt is ASL200; every state would look unreachable
            for name, ref in g.machine.states.items():
                if name not in g.reachable and ref.is_object:  # a non-object entry is ASL013
                    yield Finding(ref.pointer, f"state '{name}' of {machine_label(g.machine)} is never reached from StartAt "
                                               f"'{g.machine.node.get('StartAt')}'",
                                  target="key", hint="Connect it with a Next, Default or Catch, or delete it")
