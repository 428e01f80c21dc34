"""SARIF 2.1.0 for GitHub code scanning: rules from rules/*.md, results with fingerprints."""

from __future__ import annotations

import hashlib
import json

from aslint import __version__
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule(doc, code):
    summary = (doc.summary if doc else code) or code
    rule = {
        "id": code,
        "name": (doc.name if doc and doc.name else code.lower()),
        "shortDescription": {"text": summary[:1024]},
        "fullDescription": {"text": summary[:1024]},
        "helpUri": doc.help_uri if doc else "https://github.com/aslint/aslint",
        "help": {"text": summary, "markdown": doc.help_markdown if doc else summary},
        "defaultConfiguration": {"level": LEVEL[doc.severity if doc else "error"]},
        "properties": {"tags": list(doc.tags) if doc else []},
    }
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


def render(report) -> str:
    docs = report.ruleset.docs
    codes = sorted(set(docs) | {d.code for d in report.diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    results = []
    seen: dict = {}
    for d in report.diagnostics:
        uri = d.file.replace("\\", "/")
        region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": max(d.end_column, 1)}
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
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region},
                           "logicalLocations": [{"fullyQualifiedName": d.pointer or "/", "kind": "member"}]}],
            "partialFingerprints": {"aslint/v1": fingerprint},
            "properties": {"pointer": d.pointer, "state": d.state},
        }
        if d.hint:
            result["properties"]["help"] = d.hint
        if d.related:
            result["relatedLocations"] = [
                {"id": i + 1, "message": {"text": msg},
                 "physicalLocation": {"artifactLocation": {"uri": uri},
                                      "region": {"startLine": loc[0], "startColumn": loc[1], "endLine": loc[2], "endColumn": max(loc[3], 1)}}}
                for i, (loc, msg) in enumerate(d.related)]
        if d.path:
            result["codeFlows"] = [{"threadFlows": [{"locations": [
                {"location": {"message": {"text": step}}} for step in d.path]}]}]
        if d.fix:
            result["fixes"] = [{"description": {"text": d.fix["description"]}, "artifactChanges": [
                {"artifactLocation": {"uri": uri}, "replacements": [
                    {"deletedRegion": {"startLine": e["line"], "startColumn": e["column"], "endLine": e["end_line"], "endColumn": e["end_column"]},
                     "insertedContent": {"text": e["text"]}} for e in d.fix["edits"]]}]}]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "aslint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://github.com/aslint/aslint",
                                "rules": [_rule(docs.get(code), code) for code in codes]}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
