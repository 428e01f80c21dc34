"""ASL204: reachable states from which no terminal state can be reached (an inescapable loop)."""

from __future__ import annotations

from aslint.asl.graph import graphs
from aslint.asl.structure import machine_label
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class NoPathToTerminalState(Rule):
    code = "ASL204"

    def check(self, ctx):
        for g in graphs(ctx.doc):
            scope = g.reachable if g.start_ok else set(g.machine.states)
            trapped = [name for name in g.machine.states if name in scope and name not in g.can_end]
            if not trapped:
                continue
            first = g.machine.states[trapped[0]]
            # No terminal state in the whole machine: Step Functions rejects it. A trap in a machine
            # that does have terminals is only a (near-certain) run-time problem: warning.
            has_terminal = any(n in g.can_end for n in g.machine.states)
            severity = None if not has_terminal or trapped[0] == g.machine.node.get("StartAt") else "warning"
            listed = ", ".join(f"'{n}'" for n in trapped[:3]) + (f" and {len(trapped) - 3} more" if len(trapped) > 3 else "")
            yield Finding(first.pointer,
                          f"no path leads from {listed} in {machine_label(g.machine)} to a terminal state, so the execution loops",
                          target="key", severity=severity,
                          hint="Give the loop an exit: a Choice rule or Default to a Succeed, Fail or \"End\": true state")
