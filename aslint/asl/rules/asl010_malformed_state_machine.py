"""ASL010: the root, or a branch/processor, is not an object with a string StartAt and an object States."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import describe, machine_label
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class MalformedStateMachine(Rule):
    code = "ASL010"

    def check(self, ctx):
        data = ctx.data
        if not isinstance(data, dict):
            yield Finding("", f"the definition is {describe(data)}, not an object",
                          hint="Write the state machine as an object with 'StartAt' and 'States'")
            return
        m = model(ctx.doc)
        for machine in m.machines:
            yield from self._machine(machine)
        for ref in m.states:
            node = ref.node
            if ref.type == "Parallel" and isinstance(node.get("Branches"), list):
                for i, branch in enumerate(node["Branches"]):
                    if not isinstance(branch, dict):
                        yield Finding(f"{ref.pointer}/Branches/{i}", f"branch #{i + 1} of Parallel state '{ref.name}' is {describe(branch)}, not an object",
                                      hint="Write each branch as an object with 'StartAt' and 'States'")

    @staticmethod
    def _machine(machine):
        node, p, where = machine.node, machine.pointer, machine_label(machine)
        states = node.get("States")
        if "States" not in node:
            yield Finding(f"{p}/States", f"{where} has no 'States'", target="key",
                          hint="Add 'States', an object mapping state names to states")
        elif not isinstance(states, dict):
            yield Finding(f"{p}/States", f"'States' of {where} is {describe(states)}, not an object",
                          hint="Make 'States' an object mapping state names to states")
        elif not states:
            yield Finding(f"{p}/States", f"'States' of {where} is empty", hint="Add at least one state")
        start = node.get("StartAt")
        if "StartAt" not in node:
            yield Finding(f"{p}/StartAt", f"{where} has no 'StartAt'", target="key", hint="Add 'StartAt', naming the first state to run")
        elif not isinstance(start, str):
            yield Finding(f"{p}/StartAt", f"'StartAt' of {where} is {describe(start)}, not a state name",
                          hint="Give the name (a string) of the first state")
