"""The state-data analysis: the shape of every state's input, to a fixed point, and every read judged.

Each state's raw input is the join of what its predecessors pass on. A state's fields are applied
in the order Step Functions applies them (JSONPath: ``InputPath`` → ``Parameters`` → the task
result → ``ResultSelector`` → ``ResultPath`` merged into the raw input → ``OutputPath``; JSONata:
``Arguments`` and ``Output`` over ``$states.input`` / ``$states.result``), a Catch places the
error output into the raw input of the failed state (its own ResultPath is not applied there),
Choice and Wait pass their input on, a Parallel returns one element per branch and a Map one per
item. Choice rules that test ``IsPresent`` (or compare a field, which proves it present) refine
the shape on the edge they take.

Every read along the way (``.$`` values, path fields, intrinsic arguments, Choice variables,
whole-field JSONata ``$states.input.…`` expressions) is walked through the shape it reads; the
reads that cannot succeed, or fail on some path, are kept in :class:`Outcome` for the DAT rules.

A work-list runs each state again only when its input grows; shapes have bounded depth and width
(:mod:`aslint.dat.shapes`), and a state whose input keeps changing is widened to unknown, so the
cost is linear in the size of the definition.
"""

from __future__ import annotations

import heapq
import json
from aslint.core import lazyre
import re
from aslint.core.record import dataclass

from aslint.asl import intrinsics
from aslint.asl.model import child_machines, model, transitions
from aslint.dat import paths as dp
from aslint.dat.results import task_result
from aslint.dat.shapes import MAYBE, TOP, TOP_YES, Arr, Member, Obj, Scalar, array_of, join, of_literal, with_origin
from aslint.core.pointer import escape

MAX_VISITS = 24  # a state processed more often than this gets an unknown input (widening)

_STRING_FUNCS = {"States.Format", "States.JsonToString", "States.Base64Encode", "States.Base64Decode",
                 "States.Hash", "States.UUID"}
_ARRAY_FUNCS = {"States.Array", "States.ArrayPartition", "States.ArrayRange", "States.ArrayUnique", "States.StringSplit"}
_NUMBER_FUNCS = {"States.ArrayLength", "States.MathAdd", "States.MathRandom"}
_COMPARISONS = frozenset(
    f"{family}{op}{suffix}"
    for family in ("String", "Numeric", "Timestamp")
    for op in ("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals")
    for suffix in ("", "Path")
) | {"BooleanEquals", "BooleanEqualsPath", "StringMatches"}
_JSONATA_PATH = lazyre.compile(r"^\{%\s*\$states\.(input|result|errorOutput|context)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)\s*%\}$")
_JSONATA_VARIABLE = lazyre.compile(r"^\{%\s*\$([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)\s*%\}$")
_JSONATA_STEP = lazyre.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


_STRING_MEMBER = Member(Scalar("string"))
#: the one transition function's kinds, as this module names them
_KIND = {"Next": "Next", "Default": "Default", "Choice": "Choices", "Catch": "Catch"}


class Note(tuple):
    """Where data was written or dropped, kept unformatted until a message needs it:
    (template with {name}, {field} and {arg}, the state, the field, the argument)."""

    __slots__ = ()

    def __new__(cls, template, ref, field="", arg=""):
        return tuple.__new__(cls, (template, ref, field, arg))

    def __str__(self):
        template, ref, field, arg = self
        return template.format(name=_q(ref.name), field=field, arg=_q(arg, 30))

    def derive(self, text: str) -> "Note":
        """A note with another text about the same place (braces in ``text`` are kept)."""
        return Note(text.replace("{", "{{").replace("}", "}}"), self[1], self[2], self[3])

    def pointer(self) -> str:
        _template, ref, field, _arg = self
        return f"{ref.pointer}/{escape(field)}" if field and isinstance(ref.node, dict) and field in ref.node else ref.pointer


def _context():
    """The context object (``$$``, ``$states.context``) as documented: every level open (AWS adds
    fields over time), the documented leaves typed, Task and Map only in some states."""
    doc = "the context object"
    string, number = Member(Scalar("string", doc)), Member(Scalar("number", doc))
    maybe_string = Member(Scalar("string", doc), MAYBE)
    execution = Obj({"Id": string, "Input": Member(TOP), "Name": string, "RoleArn": string, "StartTime": string,
                     "RedriveCount": Member(Scalar("number", doc), MAYBE), "RedriveTime": maybe_string}, True, doc)
    state = Obj({"EnteredTime": string, "Name": string, "RetryCount": number}, True, doc)
    machine = Obj({"Id": string, "Name": string}, True, doc)
    task = Obj({"Token": maybe_string}, True, doc)
    item = Obj({"Index": number, "Value": Member(TOP)}, True, doc)
    return Obj({"Execution": Member(execution), "State": Member(state), "StateMachine": Member(machine),
                "Task": Member(task, MAYBE), "Map": Member(Obj({"Item": Member(item)}, True, doc), MAYBE)}, True, doc)


CONTEXT = _context()


@dataclass
class Failure:
    """A read that fails on every path (``brk.certain``) or on some."""

    state: object  # StateRef
    pointer: str  # the value that holds the read
    root: str  # "$", "$$", "$states.input", …
    steps: tuple
    brk: dp.Break
    jsonata: bool
    intrinsic: bool = False


@dataclass
class Outcome:
    failures: dict  # read pointer -> Failure
    inputs: dict  # state pointer -> raw input shape (reached states only)


def _q(text, limit: int = 40) -> str:
    if not isinstance(text, str):
        text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Run:
    def __init__(self, doc):
        self.doc = doc
        self.m = model(doc)
        self.inputs: dict = {}
        self.failures: dict = {}
        self.branch_out: dict = {}  # Parallel/Map pointer -> {branch index: output shape}
        self.visits: dict = {}
        self.queue: list = []  # heap of (priority, item)
        self.queued: set = set()
        self.order: dict = {}  # state pointer -> position in reverse post-order
        self.join_order: dict = {}  # Parallel/Map pointer -> after the last state inside it
        self._targets: dict = {}
        self._results: dict = {}
        self._catch_plans: dict = {}
        self._dynamic = None
        self.machines = None
        self.keep = frozenset()
        self.vars: dict = {}  # state pointer -> the variables' shape on entry (an open object or TOP)
        self.entry_vars = TOP
        self.out_vars = TOP
        self.assign_note = ""

    # -- bookkeeping ------------------------------------------------------------------------
    def feed(self, ref, shape, variables=None):
        """Join ``shape`` (and the variables, by default those after the current state's own
        Assign) into the input of ``ref``; run it again when that changed it."""
        if variables is None:
            variables = self.out_vars
        key = ref.pointer
        old = self.inputs.get(key)
        new = join(old, shape)
        old_vars = self.vars.get(key)
        new_vars = join(old_vars, variables)
        if old is not None and (new is old or new == old) and (new_vars is old_vars or new_vars == old_vars):
            return
        self.inputs[key] = new
        self.vars[key] = new_vars
        self.push(("s", key))

    def assign(self, variables, holder, jsonata):
        """The variables after ``holder``'s Assign: literal values have their shape, computed ones
        are unknown (what a JSONPath Assign reads is not modelled)."""
        assign = holder.get("Assign") if isinstance(holder, dict) else None
        if not isinstance(assign, dict) or not assign:
            return variables
        base = variables if isinstance(variables, Obj) else Obj({}, True, "")
        members = dict(base.members)
        for key, value in assign.items():
            if not isinstance(key, str):
                continue
            if not jsonata and key.endswith(".$"):
                members[key[:-2]] = TOP_YES
            elif jsonata and isinstance(value, str) and value.lstrip().startswith("{%"):
                members[key] = TOP_YES
            elif jsonata and isinstance(value, (dict, list)) and "{%" in json.dumps(value):
                members[key] = TOP_YES
            else:
                members[key] = Member(of_literal(value, self.assign_note, keep=self.keep), "yes")
        return Obj(members, True, "")

    def push(self, item):
        if item not in self.queued:
            self.queued.add(item)
            key = item[1]
            prio = self.order.get(key, 0) if item[0] == "s" else self.join_order.get(key, 0)
            heapq.heappush(self.queue, (prio, item))

    def number(self, top_start):
        """Reverse post-order over transitions and into nested machines (iterative DFS), so a
        state is processed after its predecessors and a join after everything inside it."""
        post, seen = [], {top_start.pointer}
        stack = [(top_start, iter(self.successors(top_start)))]
        while stack:
            ref, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                post.append(ref)
                continue
            if nxt.pointer not in seen:
                seen.add(nxt.pointer)
                stack.append((nxt, iter(self.successors(nxt))))
        total = len(post)
        for i, ref in enumerate(post):
            self.order[ref.pointer] = (total - i, 0)
        # a join runs after the last state of its machines: the latest position of any state
        # nested in it, gathered innermost first (the model lists a state before those nested
        # in it, and a nested state is reached only through its parent), one step per state
        inner_max: dict = {}
        order = self.order
        for ref in reversed(self.m.states):
            parent = ref.machine.parent_state
            if parent is None:
                continue
            prio = inner_max.get(ref.pointer)
            own = order.get(ref.pointer)
            if own is not None and (prio is None or prio < own):
                prio = own
            if prio is not None and inner_max.get(parent.pointer, (0, 0)) < prio:
                inner_max[parent.pointer] = prio
        for ref in post:
            if ref.type in ("Parallel", "Map"):
                base = max(inner_max.get(ref.pointer, (0, 0)), self.order[ref.pointer])
                self.join_order[ref.pointer] = (base[0], 1)

    def successors(self, ref):
        # transitions first, nested machines last: in reverse post-order the machines inside a
        # Parallel/Map come right after it, before the states its join leads to
        out = [target for _k, _i, target in self.targets(ref)]
        if ref.type in ("Parallel", "Map"):
            out.extend(self.child_starts(ref))
        return out

    def child_starts(self, ref) -> list:
        """The start state of each machine nested in Parallel/Map ``ref`` (branches in order)."""
        if self.machines is None:
            self.machines = {mc.pointer: mc for mc in self.m.machines}
        out = []
        for pointer, sub in child_machines(ref):
            machine = self.machines.get(pointer)
            start = sub.get("StartAt")
            if machine is not None and isinstance(start, str) and start in machine.states:
                out.append(machine.states[start])
        return out

    def record(self, ref, pointer, root, steps, brk, jsonata=False, intrinsic=False):
        if brk is None:
            self.failures.pop(pointer, None)
        else:
            self.failures[pointer] = Failure(ref, pointer, root, steps, brk, jsonata, intrinsic)

    def task_result(self, ref):
        got = self._results.get(ref.pointer)
        if got is None:
            got = self._results[ref.pointer] = task_result(
                ref, lambda: Note("written by state '{name}' (the task result)", ref, "Resource"), self.keep)
        return got

    def dynamic_values(self, ref, field):
        """(pointer, value) of every `.$` key under ``field`` of ``ref`` (from the shared sites index)."""
        if self._dynamic is None:
            from aslint.asl.sites import sites

            self._dynamic = {}
            for site in sites(self.doc).templates:
                rest = site.pointer[len(site.state.pointer) + 1:]
                root = rest.split("/", 1)[0]
                self._dynamic.setdefault((site.state.pointer, root), []).append((site.pointer, site.value))
        return self._dynamic.get((ref.pointer, field), ())

    # -- reads ------------------------------------------------------------------------------
    def read(self, ref, pointer, text, data, item=None, record=True):
        """The shape a JSONPath-mode path yields (``$…`` from ``data``, ``$$…``, ``$var…``)."""
        parsed = dp.segments(text)
        if parsed is None:
            return TOP
        root, steps = parsed
        if root == "context":
            if item is not None and steps[:3] == (("m", "Map"), ("m", "Item"), ("m", "Value")):
                value, _ = dp.walk(item, steps[3:])
                return value
            value, brk = dp.walk(CONTEXT, steps)
            if record:
                self.record(ref, pointer, "$$", steps, brk)
            return value if brk is None else TOP
        if root != "input":
            return self.read_variable(ref, pointer, root[9:], steps, record)
        value, brk = dp.walk(data, steps)
        if record:
            self.record(ref, pointer, "$", steps, brk)
        return value if brk is None or not brk.certain else TOP

    def read_variable(self, ref, pointer, name, steps, record=True, jsonata=False):
        """``$name.steps``: judged only when every path assigns the variable (else ASL411's case)."""
        variables = self.entry_vars
        m = variables.members.get(name) if isinstance(variables, Obj) else None
        if m is None or m.presence != "yes":
            return TOP
        value, brk = dp.walk(m.shape, steps, jsonata=jsonata)
        if record:
            self.record(ref, pointer, "$" + name, steps, brk, jsonata=jsonata)
        return value if brk is None or not brk.certain else TOP

    def value(self, ref, pointer, text, data, item=None):
        """A `.$` value: a path or an intrinsic call (whose path arguments are reads too)."""
        if not isinstance(text, str):
            return TOP
        stripped = text.strip()
        if stripped.startswith("$"):
            return self.read(ref, pointer, stripped, data, item)
        if not intrinsics.looks_like_call(stripped):
            return TOP
        try:
            call = intrinsics.parse(stripped)
        except intrinsics.IntrinsicSyntaxError:
            return TOP
        worst = None
        for c in call.walk():
            for arg in c.args:
                if isinstance(arg, intrinsics.PathArg):
                    parsed = dp.segments(arg.text)
                    if parsed is None or parsed[0] == "context":
                        continue
                    if parsed[0] == "input":
                        _, brk = dp.walk(data, parsed[1])
                    else:
                        m = self.entry_vars.members.get(parsed[0][9:]) if isinstance(self.entry_vars, Obj) else None
                        if m is None or m.presence != "yes":
                            continue
                        _, brk = dp.walk(m.shape, parsed[1])
                    if brk is not None and (worst is None or (brk.certain and not worst[1].certain)):
                        worst = (parsed[1], brk)
        if worst is None:
            self.failures.pop(pointer, None)
        else:
            self.record(ref, pointer, "$", worst[0], worst[1], intrinsic=True)
        name = call.name
        if name in _STRING_FUNCS:
            return Scalar("string")
        if name in _ARRAY_FUNCS:
            return Arr(TOP)
        if name in _NUMBER_FUNCS:
            return Scalar("number")
        if name == "States.ArrayContains":
            return Scalar("boolean")
        return TOP

    def template(self, ref, pointer, node, data, origin, item=None, depth=0):
        """A JSONPath payload template (Parameters, ResultSelector, ItemSelector) as a shape."""
        if depth > 8:
            return TOP
        if isinstance(node, dict):
            members = {}
            for key, sub in node.items():
                sub_ptr = f"{pointer}/{escape(key)}"
                if isinstance(key, str) and key.endswith(".$"):
                    got = self.value(ref, sub_ptr, sub, data, item)  # a read, even when the key is never read
                    if key[:-2] in self.keep:
                        members[key[:-2]] = TOP_YES if got is TOP else Member(got, "yes", origin)
                elif key in self.keep:
                    members[str(key)] = Member(self.template(ref, sub_ptr, sub, data, origin, item, depth + 1), "yes", origin)
                elif isinstance(sub, (dict, list)):
                    self.template(ref, sub_ptr, sub, data, origin, item, depth + 1)  # for the reads inside
            return Obj(members, False, origin)
        if isinstance(node, list):
            items = tuple(self.template(ref, f"{pointer}/{i}", sub, data, origin, item, depth + 1) for i, sub in enumerate(node))
            return array_of(items, origin)
        return of_literal(node, origin, keep=self.keep)

    def filter_path(self, ref, field, data):
        """InputPath / OutputPath: null gives {}, "$" the data, a path what it selects."""
        node = ref.node
        if field not in node:
            return data
        text = node[field]
        if text is None:
            return Obj({}, False, Note("emptied by state '{name}' ({field} null)", ref, field))
        if not isinstance(text, str) or text.strip() == "$":
            return data
        value = self.read(ref, f"{ref.pointer}/{field}", text.strip(), data)
        return with_origin(value, Note("narrowed by state '{name}' ({field} \"{arg}\")", ref, field, text))

    def result_path(self, ref, holder, pointer_base, raw, result, field_name="ResultPath"):
        """ResultPath (of a state or of a catcher) merging ``result`` into ``raw``."""
        if field_name not in holder:
            return with_origin(result, Note("replaced by state '{name}' (no ResultPath: the result replaces the input)", ref, "")) \
                if holder is ref.node else result
        text = holder[field_name]
        if text is None:
            return raw
        if not isinstance(text, str):
            return TOP
        parsed = dp.segments(text.strip())
        if parsed is None or parsed[0] != "input":
            return TOP
        steps = parsed[1]
        if not steps:
            return with_origin(result, Note("replaced by state '{name}' (ResultPath \"$\")", ref, "ResultPath")) if holder is ref.node else result
        if steps[0][0] == "m" and steps[0][1] not in self.keep:
            return raw  # a member no read names is not tracked (dp.put leaves the data as it is)
        return dp.put(raw, steps, result, Note("written by state '{name}' (ResultPath \"{arg}\")", ref, "ResultPath", text), keep=self.keep)

    # -- JSONata ------------------------------------------------------------------------------
    def jsonata_value(self, ref, pointer, node, env, depth=0):
        """A JSONata field value as a shape; whole-field ``$states.…`` paths are reads."""
        if depth > 8:
            return TOP
        if isinstance(node, str):
            m = _JSONATA_PATH.match(node.strip())
            if not m:
                v = _JSONATA_VARIABLE.match(node.strip())
                if v and v.group(1) != "states":
                    steps = tuple(("m", a) if a else ("i", int(b)) for a, b in _JSONATA_STEP.findall(v.group(2)))
                    return self.read_variable(ref, pointer, v.group(1), steps, jsonata=True)
                return TOP if node.lstrip().startswith("{%") else Scalar("string")
            member = m.group(1)
            data = CONTEXT if member == "context" else env.get(member)
            if data is None:
                return TOP
            steps = tuple(("m", a) if a else ("i", int(b)) for a, b in _JSONATA_STEP.findall(m.group(2)))
            value, brk = dp.walk(data, steps, jsonata=True)
            if brk is not None and brk.why in ("array",):
                brk = None
            self.record(ref, pointer, f"$states.{member}", steps, brk, jsonata=True)
            return value if brk is None or not brk.certain else TOP
        if isinstance(node, dict):
            origin = env.get("_origin", "")
            members = {}
            for k, v in node.items():
                got = self.jsonata_value(ref, f"{pointer}/{escape(k)}", v, env, depth + 1)
                if k in self.keep:
                    members[str(k)] = Member(got, "yes", origin)
            return Obj(members, False, origin)
        if isinstance(node, list):
            items = tuple(self.jsonata_value(ref, f"{pointer}/{i}", v, env, depth + 1) for i, v in enumerate(node))
            return array_of(items, env.get("_origin", ""))
        return of_literal(node, env.get("_origin", ""), keep=self.keep)

    def jsonata_fields(self, ref, node, base, env, keys):
        for key in keys:
            if key in node:
                self.jsonata_value(ref, f"{base}/{key}", node[key], env)

    # -- states -------------------------------------------------------------------------------
    def run(self):
        top = self.m.machines[0] if self.m.machines else None
        if top is None:
            return
        start = top.node.get("StartAt")
        if not (isinstance(start, str) and start in top.states):
            return
        self.keep = _read_names(self.doc)
        self.number(top.states[start])
        self.feed(top.states[start], TOP)
        by_pointer = self.m.by_pointer
        while self.queue:
            _prio, item = heapq.heappop(self.queue)
            self.queued.discard(item)
            kind, key = item
            ref = by_pointer[key]
            if not isinstance(ref.node, dict):
                continue  # a broken state (reported by the ASL rules) passes nothing on
            if kind == "s":
                n = self.visits.get(key, 0) + 1
                self.visits[key] = n
                if n > MAX_VISITS and self.inputs[key] is not TOP:
                    self.inputs[key] = TOP
                    self.vars[key] = TOP
                self.enter(ref, self.vars.get(key, TOP))
                if ref.jsonata:
                    self.jsonata_state(ref, self.inputs[key])
                else:
                    self.jsonpath_state(ref, self.inputs[key])
            else:
                self.enter(ref, self.vars.get(key, TOP))
                self.join_state(ref)

    def enter(self, ref, variables):
        """Set the variables seen by ``ref`` and those it passes on (after its own Assign)."""
        self.entry_vars = variables
        if "Assign" in ref.node:
            self.assign_note = Note("assigned by state '{name}'", ref, "Assign")
            self.out_vars = self.assign(variables, ref.node, ref.jsonata)
        else:
            self.assign_note = ""
            self.out_vars = variables

    def targets(self, ref):
        """(kind, index, target StateRef) of each transition of ``ref`` (computed once)."""
        got = self._targets.get(ref.pointer)
        if got is not None:
            return got
        states = ref.machine.states
        got = [(_KIND[t.kind], t.index if t.via is not None else None, states[t.target])
               for t in transitions(ref) if isinstance(t.target, str) and t.target in states]
        self._targets[ref.pointer] = got
        return got

    def finish(self, ref, output):
        """A state completed normally with ``output``: its Next, or its machine's end."""
        node = ref.node
        if node.get("End") is True or ref.type == "Succeed":
            parent = ref.machine.parent_state
            if parent is not None:
                branch = self._branch_index(ref)
                outs = self.branch_out.setdefault(parent.pointer, {})
                outs[branch] = join(outs.get(branch), output)
                self.push(("j", parent.pointer))
            return
        for kind, _index, target in self.targets(ref):
            if kind == "Next":
                self.feed(target, output)

    @staticmethod
    def _branch_index(ref):
        ptr = ref.machine.pointer
        if "/Branches/" in ptr:
            tail = ptr.rsplit("/Branches/", 1)[1]
            if tail.isdigit():
                return int(tail)
        return 0

    def catch_plan(self, ref):
        """(error output shape, [(index, catcher, target, own ResultPath steps to drop or None)])."""
        got = self._catch_plans.get(ref.pointer)
        if got is not None:
            return got
        node = ref.node
        catchers = node.get("Catch")
        plan = []
        error = Obj({"Error": _STRING_MEMBER, "Cause": _STRING_MEMBER}, False,
                    Note("the error output of state '{name}' (Error and Cause only)", ref, "Catch"))
        if isinstance(catchers, list):
            own = node.get("ResultPath", "$")
            own_steps = None
            if not ref.jsonata and isinstance(own, str):
                parsed = dp.segments(own.strip())
                own_steps = parsed[1] if parsed and parsed[0] == "input" and parsed[1] else None
            for kind, index, target in self.targets(ref):
                if kind == "Catch":
                    catcher = catchers[index]
                    drop = own_steps if own_steps is not None and catcher.get("ResultPath", "$") != own else None
                    plan.append((index, catcher, target, drop))
        got = self._catch_plans[ref.pointer] = (error, plan, Note("is not written on the Catch path of '{name}'", ref, "Catch"))
        return got

    def catches(self, ref, raw):
        if not ref.node.get("Catch"):
            return  # no catcher: nothing to plan
        error, plan, note = self.catch_plan(ref)
        for index, catcher, target, drop in plan:
            if ref.jsonata:
                if "Output" in catcher:
                    env = {"input": raw, "errorOutput": error, "_origin": Note("replaced by the Catch of state '{name}' (Output)", ref, "Catch")}
                    out = self.jsonata_value(ref, f"{ref.pointer}/Catch/{index}/Output", catcher["Output"], env)
                else:
                    out = error
            else:
                out = self.result_path(ref, catcher, "", raw, error)
                if drop is not None and drop[0][1] in self.keep:
                    out = dp.drop(out, drop, note)
            self.feed(target, out, self.assign(self.entry_vars, catcher, ref.jsonata))

    def jsonpath_state(self, ref, raw):
        node, t, base = ref.node, ref.type, ref.pointer
        if t == "Fail":
            for key in ("ErrorPath", "CausePath"):
                if isinstance(node.get(key), str):
                    self.value(ref, f"{base}/{key}", node[key], raw)
            return
        eff = self.filter_path(ref, "InputPath", raw)
        if node.get("InputPath", "$") == "$":
            for key in ("TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath"):
                if isinstance(node.get(key), str):
                    self.read(ref, f"{base}/{key}", node[key], eff)
        if t == "Choice":
            self.choice(ref, eff)
            return
        if t in ("Wait", "Succeed"):
            self.finish(ref, self.filter_path(ref, "OutputPath", eff))
            return
        if t == "Task" and isinstance(node.get("Parameters"), dict):
            for ptr, text in self.dynamic_values(ref, "Parameters"):
                self.value(ref, ptr, text, eff)  # a Task's result does not depend on its parameters
        elif t in ("Pass", "Parallel") and isinstance(node.get("Parameters"), dict):
            origin = Note("built by state '{name}' (Parameters)", ref, "Parameters")
            eff = self.template(ref, f"{base}/Parameters", node["Parameters"], eff, origin)
        if t == "Parallel":
            self.enter_children(ref, eff, None)
            self.catches(ref, raw)
            self.push(("j", ref.pointer))
            return
        if t == "Map":
            self.map_state(ref, eff)
            self.catches(ref, raw)
            self.push(("j", ref.pointer))
            return
        if t == "Task":
            result = self.task_result(ref)
            self.catches(ref, raw)
        elif t == "Pass":
            result = of_literal(node["Result"], Note("written by state '{name}' (Result)", ref, "Result"), keep=self.keep) if "Result" in node else eff
        else:
            return
        self.complete(ref, raw, result)

    def complete(self, ref, raw, result):
        node, base = ref.node, ref.pointer
        if isinstance(node.get("ResultSelector"), (dict, list)):
            origin = Note("built by state '{name}' (ResultSelector)", ref, "ResultSelector")
            result = self.template(ref, f"{base}/ResultSelector", node["ResultSelector"], result, origin)
        out = self.result_path(ref, node, base, raw, result)
        self.finish(ref, self.filter_path(ref, "OutputPath", out))

    def enter_children(self, ref, start_input, item):
        for start in self.child_starts(ref):
            self.feed(start, start_input, self.entry_vars)

    def map_state(self, ref, eff):
        node, base = ref.node, ref.pointer
        for key in ("MaxConcurrencyPath", "ToleratedFailurePercentagePath", "ToleratedFailureCountPath"):
            if isinstance(node.get(key), str):
                self.read(ref, f"{base}/{key}", node[key].strip(), eff)
        item = TOP
        if "ItemReader" not in node:
            text = node.get("ItemsPath", "$")
            if isinstance(text, str):
                items = self.read(ref, f"{base}/ItemsPath", text.strip(), eff) if "ItemsPath" in node else eff
                if isinstance(items, Arr) and "ItemBatcher" not in node:
                    item = items.elem
        selector = node.get("ItemSelector", node.get("Parameters"))
        field = "ItemSelector" if "ItemSelector" in node else "Parameters"
        if isinstance(selector, dict):
            start = self.template(ref, f"{base}/{field}", selector, eff, Note("built by state '{name}' ({field})", ref, field), item)
        else:
            start = item
        self.enter_children(ref, start, item)

    def join_state(self, ref):
        raw = self.inputs.get(ref.pointer)
        if raw is None:
            return
        node = ref.node
        outs = self.branch_out.get(ref.pointer, {})
        if ref.type == "Parallel":
            branches = node.get("Branches") if isinstance(node.get("Branches"), list) else []
            if any(i not in outs for i in range(len(branches))):
                return  # a branch that never completes: the Parallel never completes
            items = tuple(outs[i] for i in range(len(branches)))
            result = array_of(items,
                         Note("written by state '{name}' (a Parallel result: one element per branch)", ref, "Branches"))
        else:
            if "ResultWriter" in node:
                result = TOP
            else:
                result = Arr(outs.get(0, TOP) if outs else TOP, None,
                             Note("written by state '{name}' (a Map result: one element per item)", ref, ""))
        if ref.jsonata:
            self.jsonata_complete(ref, raw, result)
        else:
            self.complete(ref, raw, result)

    def choice(self, ref, eff):
        node = ref.node
        rules = node.get("Choices") if isinstance(node.get("Choices"), list) else []
        cur = eff
        edge_shapes = {}
        for i, rule in enumerate(rules):
            if not isinstance(rule, dict) or cur is None:
                continue
            guarded = _tested_paths(rule)
            self.choice_reads(ref, f"{ref.pointer}/Choices/{i}", rule, cur, guarded)
            edge_shapes[i] = _assume(cur, rule, True, ref)
            cur = _assume(cur, rule, False, ref)
        for kind, index, target in self.targets(ref):
            if kind == "Choices":
                shape = edge_shapes.get(index)
            elif kind == "Default":
                shape = cur
            else:
                continue
            if shape is not None:
                rule = rules[index] if kind == "Choices" else None
                self.feed(target, self.filter_path(ref, "OutputPath", shape), self.assign(self.out_vars, rule, False))

    def choice_reads(self, ref, pointer, rule, data, guarded):
        work = [(pointer, rule)]
        while work:
            ptr, r = work.pop()
            if not isinstance(r, dict):
                continue
            for key in ("And", "Or"):
                if isinstance(r.get(key), list):
                    work.extend((f"{ptr}/{key}/{j}", sub) for j, sub in enumerate(r[key]))
            if isinstance(r.get("Not"), dict):
                work.append((f"{ptr}/Not", r["Not"]))
            ops = [k for k in r if k in _COMPARISONS]
            if not ops:
                continue
            var = r.get("Variable")
            if isinstance(var, str) and not _is_guarded(var, guarded):
                self.read(ref, f"{ptr}/Variable", var.strip(), data)
            for op in ops:
                if op.endswith("Path") and isinstance(r[op], str) and not _is_guarded(r[op], guarded):
                    self.read(ref, f"{ptr}/{op}", r[op].strip(), data)

    def jsonata_state(self, ref, raw):
        node, t, base = ref.node, ref.type, ref.pointer
        env = {"input": raw}
        self.jsonata_fields(ref, node, base, env, ("Arguments", "Assign", "TimeoutSeconds", "HeartbeatSeconds",
                                                    "Seconds", "Timestamp", "Error", "Cause"))
        if t == "Fail":
            return
        if t == "Choice":
            rules = node.get("Choices") if isinstance(node.get("Choices"), list) else []
            for i, rule in enumerate(rules):
                if isinstance(rule, dict) and "Condition" in rule:
                    self.jsonata_value(ref, f"{base}/Choices/{i}/Condition", rule["Condition"], env)
            for kind, index, target in self.targets(ref):
                if kind not in ("Choices", "Default"):
                    continue
                holder = rules[index] if kind == "Choices" and isinstance(rules[index], dict) else {}
                if "Output" in holder:
                    env2 = dict(env, _origin=Note("replaced by state '{name}' (Output)", ref, "Choices"))
                    out = self.jsonata_value(ref, f"{base}/Choices/{index}/Output", holder["Output"], env2)
                else:
                    out = self.jsonata_output(ref, raw, None)
                self.feed(target, out, self.assign(self.out_vars, holder, True))
            return
        if t == "Parallel":
            self.enter_children(ref, raw if "Arguments" not in node else
                                self.jsonata_value(ref, f"{base}/Arguments", node["Arguments"], env), None)
            self.catches(ref, raw)
            self.push(("j", ref.pointer))
            return
        if t == "Map":
            item = TOP
            if "Items" in node:
                items = self.jsonata_value(ref, f"{base}/Items", node["Items"], env)
            elif "ItemReader" not in node:
                items = raw
            else:
                items = TOP
            if isinstance(items, Arr) and "ItemBatcher" not in node:
                item = items.elem
            start = item
            if "ItemSelector" in node:
                start = TOP if not isinstance(node["ItemSelector"], dict) else self.jsonata_value(
                    ref, f"{base}/ItemSelector", node["ItemSelector"], dict(env, _origin=Note("built by state '{name}' (ItemSelector)", ref, "ItemSelector")))
            self.enter_children(ref, start, item)
            self.catches(ref, raw)
            self.push(("j", ref.pointer))
            return
        if t == "Task":
            self.catches(ref, raw)
            self.jsonata_complete(ref, raw, self.task_result(ref))
            return
        self.finish(ref, self.jsonata_output(ref, raw, None))

    def jsonata_output(self, ref, raw, result):
        node = ref.node
        if "Output" not in node:
            return raw if result is None else with_origin(
                result, Note("replaced by state '{name}' (no Output: the result replaces the input)", ref, ""))
        env = {"input": raw, "_origin": Note("replaced by state '{name}' (Output)", ref, "Output")}
        if result is not None:
            env["result"] = result
        out = self.jsonata_value(ref, f"{ref.pointer}/Output", node["Output"], env)
        return with_origin(out, env["_origin"]) if not isinstance(node["Output"], (dict, list)) else out

    def jsonata_complete(self, ref, raw, result):
        self.finish(ref, self.jsonata_output(ref, raw, result))


def _tested_paths(rule) -> set:
    """Paths a rule tests with IsPresent anywhere inside (reads of them there are guarded)."""
    out, work = set(), [rule]
    while work:
        r = work.pop()
        if not isinstance(r, dict):
            continue
        if "IsPresent" in r and isinstance(r.get("Variable"), str):
            out.add(r["Variable"].strip())
        for key in ("And", "Or"):
            if isinstance(r.get(key), list):
                work.extend(r[key])
        if isinstance(r.get("Not"), dict):
            work.append(r["Not"])
    return out


def _is_guarded(path: str, guarded: set) -> bool:
    p = path.strip()
    return any(p == g or p.startswith(g + ".") or p.startswith(g + "[") for g in guarded)


def _facts(rule, matched: bool):
    """(path, present) facts that hold when ``rule`` matched (or did not)."""
    if not isinstance(rule, dict):
        return []
    if "Not" in rule:
        return _facts(rule["Not"], not matched)
    if "And" in rule and isinstance(rule["And"], list):
        return [f for sub in rule["And"] for f in _facts(sub, True)] if matched else []
    if "Or" in rule and isinstance(rule["Or"], list):
        return [f for sub in rule["Or"] for f in _facts(sub, False)] if not matched else []
    var = rule.get("Variable")
    if not isinstance(var, str):
        return []
    if "IsPresent" in rule and isinstance(rule["IsPresent"], bool):
        return [(var, rule["IsPresent"] == matched)]
    if matched and any(k in _COMPARISONS for k in rule):
        return [(var, True)]
    return []


def _assume(shape, rule, matched, ref):
    """``shape`` on the edge where ``rule`` matched (or did not); None when that cannot happen."""
    for path, present in _facts(rule, matched):
        parsed = dp.segments(path.strip())
        if parsed is None or parsed[0] != "input" or shape is None:
            continue
        shape = dp.refine(shape, parsed[1], present, Note("was found absent by the IsPresent test of Choice '{name}'", ref, "Choices"))
    return shape


_NAME_AFTER_DOT = lazyre.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)")


def _read_names(doc) -> frozenset:
    """Every member name some read of the definition uses: only those are tracked in shapes."""
    from aslint.asl.sites import sites

    s = sites(doc)
    names = set()
    for site in s.paths + s.templates:
        value = site.value
        if site.kind == "result" or not isinstance(value, str) or "$" not in value:
            continue  # ResultPath writes, it does not read
        parsed = dp.segments(value.strip())
        if parsed is not None:
            names.update(v for k, v in parsed[1] if k == "m")
            continue
        for text in re.findall(r"\$[^,()]*", value):  # intrinsic arguments, complex paths
            parsed = dp.segments(text.strip())
            if parsed is not None:
                names.update(v for k, v in parsed[1] if k == "m")
            else:
                names.update(re.findall(r"[A-Za-z_][A-Za-z0-9_-]*", text))
    for site in s.jsonata:
        if isinstance(site.value, str) and "$" in site.value:
            names.update(_NAME_AFTER_DOT.findall(site.value))
    return frozenset(names)


def analyze(doc) -> Outcome:
    cached = doc.cache.get("dat.outcome")
    if cached is None:
        run = _Run(doc)
        run.run()
        cached = doc.cache["dat.outcome"] = Outcome(run.failures, run.inputs)
    return cached
