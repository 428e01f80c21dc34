"""Suppression written in the definition itself: ``aslint: ignore[CODE,…]`` in a ``Comment``.

ASL allows a ``Comment`` string at the top level and on every state; nowhere else can a JSON
definition carry a remark. In a state's Comment the directive silences findings inside that state
(nested states included); in the top-level Comment, the whole document.

Each directive records what it silenced, so that, once a document's rules have run, a code that
silenced nothing is reported (ASL004, like ruff's RUF100) and a code no rule has is reported with
a did-you-mean (ASL005).
"""

from __future__ import annotations

from aslint.core import lazyre
from aslint.core.finding import Finding
from aslint.core.record import dataclass, field

_DIRECTIVE = lazyre.compile(r"aslint:\s*ignore(?:\[([A-Za-z0-9_,\s]*)\])?")
UNUSED, UNKNOWN = "ASL004", "ASL005"
BLANKET = "*"


@dataclass
class Directive:
    prefix: str  # the pointer of the state (or nested machine) it covers; "" for the document
    comment: str  # the pointer of its Comment
    selectors: "set | None"  # None: every code
    used: set = field(default_factory=set)


def parse_directive(comment) -> "set | None | bool":
    """False when there is no directive; None for 'everything'; else the set of selectors."""
    if not isinstance(comment, str):
        return False
    m = _DIRECTIVE.search(comment)
    if not m:
        return False
    if m.group(1) is None:
        return None
    return {c.strip() for c in m.group(1).split(",") if c.strip()}


def directives(doc) -> list:
    """Every directive of an ASL document (cached on the document)."""
    cached = doc.cache.get("suppress")
    if cached is not None:
        return cached
    from aslint.asl.model import model

    found = []
    data = doc.data
    if isinstance(data, dict):
        top = parse_directive(data.get("Comment"))
        if top is not False:
            found.append(Directive("", "/Comment", top))
        for ref in model(doc).states:
            if ref.is_object:
                d = parse_directive(ref.node.get("Comment"))
                if d is not False:
                    found.append(Directive(ref.pointer, ref.pointer + "/Comment", d))
        for machine in model(doc).machines:
            if machine.pointer:
                d = parse_directive(machine.node.get("Comment"))
                if d is not False:
                    found.append(Directive(machine.pointer, machine.pointer + "/Comment", d))
    doc.cache["suppress"] = found
    return found


def suppressed(doc, code: str, pointer: str) -> bool:
    hit = False
    for d in directives(doc):
        if d.prefix == "" or pointer == d.prefix or pointer.startswith(d.prefix + "/"):
            if d.selectors is None:
                if code in (UNUSED, UNKNOWN):  # a bare 'aslint: ignore' cannot hide its own report
                    continue
                d.used.add(BLANKET)
                hit = True
                continue
            for s in d.selectors:
                if s == "ALL" or code.startswith(s):
                    d.used.add(s)
                    hit = True
    return hit


def directive_findings(doc, ruleset):
    """(code, Finding) for unknown codes and for suppressions that silenced nothing.

    A code counts as unused only when a rule it names ran: codes of rules left out by the
    selection are not judged. Project-wide rules run after the document; what they silence
    withdraws the report again (``withdraw_used``).
    """
    if not directives(doc):
        return
    known = ruleset.known
    active = ruleset.active
    for d in doc.cache["suppress"]:
        scope = "in this file" if d.prefix == "" else "in this state"
        if d.selectors is None:
            if BLANKET not in d.used:
                yield UNUSED, Finding(d.comment, f"'aslint: ignore' silenced no finding {scope}",
                                      hint="Remove the directive from the Comment")
            continue
        for s in sorted(d.selectors):
            if s != "ALL" and not any(code.startswith(s) for code in known):
                near = _did_you_mean(s, known)
                yield UNKNOWN, Finding(d.comment, f"'{s}' in 'aslint: ignore[...]' is no rule code or prefix of one",
                                       hint=f"Did you mean '{near}'?" if near else "See 'aslint rules' for the codes")
                continue
            ran = [code for code in active if s == "ALL" or code.startswith(s)]
            if s not in d.used and ran:
                yield UNUSED, Finding(d.comment, f"'aslint: ignore[{s}]' silenced no finding {scope}",
                                      hint=f"Remove {s} from the directive")


def _did_you_mean(selector: str, known) -> "str | None":
    """The code meant: letters O/I/L typed for the digits 0/1, a wrong case, else the closest code."""
    import re
    from difflib import get_close_matches

    upper = selector.upper()
    prefixes = sorted({re.match(r"[A-Z]*", code).group(0) for code in known}, key=len, reverse=True)
    for prefix in prefixes:
        if prefix and upper.startswith(prefix):
            guess = prefix + upper[len(prefix):].translate(str.maketrans("OIL", "011"))
            if any(code.startswith(guess) for code in known):
                return guess
            break
    if any(code.startswith(upper) for code in known):
        return upper
    near = get_close_matches(upper, sorted(known), n=1)
    return near[0] if near else None


def withdraw_used(result, doc) -> None:
    """Drop the ASL004 reports of directives that a project-wide rule's finding used after all."""
    stale = set()
    for d in directives(doc):
        for s in d.used:
            stale.add((d.comment, "'aslint: ignore'" if s == BLANKET else f"'aslint: ignore[{s}]'"))
    if not stale:
        return
    result.diagnostics = [
        diag for diag in result.diagnostics
        if not (diag.code == UNUSED and any(diag.pointer.endswith(ptr) and diag.message.startswith(text + " silenced")
                                            for ptr, text in stale))]
