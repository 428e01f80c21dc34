"""SARIF 2.1.0 for GitHub code scanning: rules from rules/*.md, results with fingerprints.

Locations are relative, percent-encoded URIs against ``%SRCROOT%``, which ``originalUriBaseIds``
defines as the workspace root (``GITHUB_WORKSPACE`` on Actions, else the current directory); a
file outside it gets an absolute ``file://`` URI. ``invocations`` says whether the run succeeded
and carries the tool's notifications (an unreadable path). ``tool.driver.rules`` lists the codes
that ran; only those with results carry their full Markdown help, so a clean run stays small.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote

from aslint import __version__
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def workspace_root() -> str:
    return os.path.realpath(os.environ.get("GITHUB_WORKSPACE") or os.getcwd())


def artifact_location(file: str, root: str) -> dict:
    """A relative URI under %SRCROOT% when the file lies in the workspace, else an absolute file:// URI."""
    if file == "-":
        return {"uri": "stdin"}
    absolute = os.path.realpath(os.path.abspath(file))
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        rel = ".."
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return {"uri": "file://" + quote(os.fsencode(Path(absolute).as_posix()))}
    # percent-encode the name's bytes as the file system has them (a non-UTF-8 byte stays itself)
    return {"uri": quote(os.fsencode(rel.replace(os.sep, "/"))), "uriBaseId": SRCROOT}


def _rule(doc, code, full: bool):
    summary = (doc.summary if doc else code) or code
    rule = {
        "id": code,
        "name": (doc.name if doc and doc.name else code.lower()),
        "shortDescription": {"text": summary[:1024]},
        "helpUri": doc.help_uri if doc else "https://github.com/aslint/aslint",
        "help": {"text": summary},
        "defaultConfiguration": {"level": LEVEL[doc.severity if doc else "error"]},
        "properties": {"tags": list(doc.tags) if doc else []},
    }
    if rule["helpUri"] is None:  # a custom rule: no documentation page
        del rule["helpUri"]
    if full:
        rule["fullDescription"] = {"text": summary[:1024]}
        rule["help"]["markdown"] = doc.help_markdown if doc else summary
    if doc and doc.security_severity:
        rule["properties"]["security-severity"] = doc.security_severity
    return rule


def fingerprint_of(d, uri: str, repeat: int = 0) -> str:
    """What identifies a finding across runs: its code, file, pointer and state, never the message
    (rewording a message must not reset code-scanning history)."""
    key = f"{d.code}|{uri}|{d.pointer}|{d.state or ''}" + (f"|{repeat}" if repeat else "")
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _message(d) -> dict:
    text = d.message + (f" [{d.state}]" if d.state else "")
    if not d.hint:
        return {"text": text}
    return {"text": text, "markdown": f"{_escape_md(text)}\n\n**help:** {_escape_md(d.hint)}"}


def _escape_md(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def _codes_that_ran(report) -> set:
    ruleset = report.ruleset
    active = getattr(ruleset, "active", None)
    if active is None:
        return set(ruleset.docs)
    from aslint.core.engine import CORE_CODES

    return set(active) | {c for c in CORE_CODES if ruleset.settings.selected(c)}


def _region(loc) -> dict:
    return {"startLine": loc[0], "startColumn": loc[1], "endLine": loc[2], "endColumn": max(loc[3], 1)}


def render(report) -> str:
    docs = report.ruleset.docs
    root = workspace_root()
    reported = {d.code for d in report.diagnostics}
    codes = sorted(_codes_that_ran(report) | reported)
    index = {code: i for i, code in enumerate(codes)}
    locations = {}
    results = []
    seen: dict = {}
    for d in report.diagnostics:
        where = locations.get(d.file)
        if where is None:
            where = locations[d.file] = artifact_location(d.file, root)
        uri = d.file.replace("\\", "/")
        region = _region((d.line, d.column, d.end_line, d.end_column))
        fingerprint = fingerprint_of(d, uri)
        repeat = seen.get(fingerprint, 0)  # two findings of one code at one place stay apart
        seen[fingerprint] = repeat + 1
        if repeat:
            fingerprint = fingerprint_of(d, uri, repeat)
        result = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": LEVEL[d.severity],
            "message": _message(d),
            "locations": [{"physicalLocation": {"artifactLocation": dict(where), "region": region},
                           "logicalLocations": [{"fullyQualifiedName": d.pointer or "/", "kind": "member"}]}],
            "partialFingerprints": {"aslint/v1": fingerprint},
            "properties": {"pointer": d.pointer, "state": d.state},
        }
        if d.hint:
            result["properties"]["help"] = d.hint
        if d.related:
            result["relatedLocations"] = [
                {"id": i + 1, "message": {"text": msg},
                 "physicalLocation": {"artifactLocation": dict(where), "region": _region(loc)}}
                for i, (loc, msg) in enumerate(d.related)]
        if d.path:
            result["codeFlows"] = [{"threadFlows": [{"locations": [
                {"location": {"message": {"text": step}}} for step in d.path]}]}]
        if d.fix:
            result["fixes"] = [{"description": {"text": d.fix["description"]}, "artifactChanges": [
                {"artifactLocation": dict(where), "replacements": [
                    {"deletedRegion": {"startLine": e["line"], "startColumn": e["column"], "endLine": e["end_line"], "endColumn": e["end_column"]},
                     "insertedContent": {"text": e["text"]}} for e in d.fix["edits"]]}]}]
        results.append(result)
    problems = list(getattr(report, "problems", None) or ())
    invocation = {
        "executionSuccessful": not problems,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": problem}, "descriptor": {"id": "aslint/input"}} for problem in problems],
    }
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "aslint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://github.com/aslint/aslint",
                                "rules": [_rule(docs.get(code), code, code in reported) for code in codes]}},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": Path(root).as_uri().rstrip("/") + "/"}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
