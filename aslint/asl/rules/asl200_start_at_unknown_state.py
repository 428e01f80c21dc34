"""ASL200: StartAt names no state of its machine."""

from __future__ import annotations

from aslint.asl.graph import state_named
from aslint.asl.model import model
from aslint.asl.structure import did_you_mean, machine_label
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class StartAtUnknownState(Rule):
    code = "ASL200"

    def check(self, ctx):
        for machine in model(ctx.doc).machines:
            start = machine.node.get("StartAt")
            if not isinstance(start, str) or not isinstance(machine.node.get("States"), dict) or start in machine.states or "${" in start:
                continue
            other = state_named(ctx.doc, start, machine)
            if other is not None:
                msg = f"StartAt '{start}' of {machine_label(machine)} names a state of {machine_label(other.machine)}"
                hint = "Start at one of the machine's own states"
            else:
                msg = f"StartAt '{start}' of {machine_label(machine)} names no state{did_you_mean(start, machine.states)}"
                hint = "Name the first state to run exactly (names are case-sensitive)"
            yield Finding(f"{machine.pointer}/StartAt", msg, hint=hint)
