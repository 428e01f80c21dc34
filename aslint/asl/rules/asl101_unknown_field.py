"""ASL101: a field the States Language does not define (with a did-you-mean)."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import (ALL_STATE_FIELDS, CHOICE_RULE_FIELDS, MACHINE_FIELDS, NESTED_MACHINE_FIELDS,
                                  STATE_TYPES, allowed_fields, did_you_mean, iter_choice_rules, machine_label,
                                  problems_with_code)
from aslint.core.finding import Finding
from aslint.core.pointer import escape
from aslint.core.rule import Rule

CREDENTIALS_FIELDS = ("RoleArn", "RoleArn.$")


class UnknownField(Rule):
    code = "ASL101"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        m = model(ctx.doc)
        for machine in m.machines:
            if machine.parent_state is None:
                known = MACHINE_FIELDS
            elif machine.pointer.endswith(("/ItemProcessor", "/Iterator")):
                known = NESTED_MACHINE_FIELDS  # AWS accepts and runs a ProcessorConfig in the legacy Iterator too
            else:  # a Parallel branch has no ProcessorConfig
                known = NESTED_MACHINE_FIELDS - {"ProcessorConfig"}
            for key in machine.node:
                if key not in known:
                    yield Finding(f"{machine.pointer}/{escape(key)}",
                                  f"unknown field '{key}' in {machine_label(machine)}{did_you_mean(key, known)}", target="key",
                                  hint=f"Remove it or fix its name (allowed: {', '.join(sorted(known))})")
        for ref in m.states:
            if not ref.is_object:
                continue
            choices = allowed_fields(ref.type, ref.query_language) if ref.type in STATE_TYPES else ALL_STATE_FIELDS
            for key in ref.node:
                if key not in ALL_STATE_FIELDS:
                    yield Finding(f"{ref.pointer}/{escape(key)}",
                                  f"unknown field '{key}' in state '{ref.name}'{did_you_mean(key, choices)}", target="key",
                                  hint="Remove it or fix its name: Step Functions rejects fields it does not know")
            creds = ref.node.get("Credentials")
            if ref.type == "Task" and isinstance(creds, dict):
                for key in creds:
                    if key not in CREDENTIALS_FIELDS:
                        yield Finding(f"{ref.pointer}/Credentials/{escape(key)}",
                                      f"unknown field '{key}' in 'Credentials' of state '{ref.name}'{did_you_mean(key, CREDENTIALS_FIELDS)}",
                                      target="key", hint="Credentials takes only 'RoleArn' (or 'RoleArn.$' in JSONPath)")
            if ref.type == "Choice":
                for rule, pointer, _top in iter_choice_rules(ref):
                    if not isinstance(rule, dict):
                        continue
                    for key in rule:
                        if key not in CHOICE_RULE_FIELDS:
                            yield Finding(f"{pointer}/{escape(key)}",
                                          f"unknown field '{key}' in a Choice rule of state '{ref.name}'{did_you_mean(key, CHOICE_RULE_FIELDS)}",
                                          target="key", hint="Remove it or use a comparison operator's exact name")
        yield from problems_with_code(ctx.doc, self.code)
