#!/usr/bin/env python3
"""Who catches what: aslint against asl-validator, @wmfs/statelint and cfn-lint.

One command, from the repository root:

    python3 benchmarks/peers/compare.py            # installs the peers on first use
    python3 benchmarks/peers/compare.py --no-install --out /tmp/table.md

The peers are installed into benchmarks/_work (git-ignored): the two npm packages with
``npm install``, cfn-lint with pip into a venv. A peer that cannot be installed is reported as
"not run". Each case of tests/peers/cases/ is linted by every tool; for cfn-lint the definition
is wrapped, byte for byte, as the ``Definition`` of a minimal ``AWS::StepFunctions::StateMachine``
template. The result is written to docs/peer-comparison.md.

A peer "flags" a case when it reports the definition invalid (exit status or findings). For the
broken cases that is a catch; for the valid cases it is a false alarm. aslint "catches" a case
only with an error or warning of the expected code prefix (a finding of another rule does not
count), so its column is stricter than the peers'.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "benchmarks" / "_work"
CASES_DIR = ROOT / "tests" / "peers" / "cases"
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

NPM_PACKAGES = ("asl-validator", "@wmfs/statelint")
CFN_TEMPLATE = ('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Machine": {'
                '"Type": "AWS::StepFunctions::StateMachine", "Properties": {'
                '"RoleArn": "arn:aws:iam::123456789012:role/sfn", "Definition": %s}}}}')


# --- installation ----------------------------------------------------------------------------
def install(log) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    if not (WORK / "node_modules" / ".bin" / "asl-validator").exists() and shutil.which("npm"):
        if not (WORK / "package.json").exists():
            (WORK / "package.json").write_text('{"name": "aslint-peers", "private": true}\n')
        log("installing asl-validator and @wmfs/statelint with npm …")
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", *NPM_PACKAGES], cwd=WORK,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    if not (WORK / "venv" / "bin" / "cfn-lint").exists():
        log("installing cfn-lint into benchmarks/_work/venv …")
        subprocess.run([sys.executable, "-m", "venv", str(WORK / "venv")], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pip = WORK / "venv" / "bin" / "pip"
        if pip.exists():
            subprocess.run([str(pip), "install", "-q", "cfn-lint"], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _bin(name: str) -> Path | None:
    path = WORK / "node_modules" / ".bin" / name
    return path if path.exists() else None


def versions() -> dict:
    out = {}
    for pkg in NPM_PACKAGES:
        meta = WORK / "node_modules" / pkg / "package.json"
        if meta.exists():
            out[pkg] = json.loads(meta.read_text()).get("version", "?")
    cfn = WORK / "venv" / "bin" / "cfn-lint"
    if cfn.exists():
        done = subprocess.run([str(cfn), "--version"], capture_output=True, text=True, check=False)
        out["cfn-lint"] = (done.stdout or done.stderr).strip().split()[-1] if (done.stdout or done.stderr).strip() else "?"
    import aslint

    out["aslint"] = getattr(aslint, "__version__", "dev")
    return out


# --- the tools ---------------------------------------------------------------------------------
def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith(("✕", "ERROR:")):
            return line[:140]
    return text.strip()[:140]


def run_asl_validator(path: Path):
    exe = _bin("asl-validator")
    if exe is None:
        return None
    done = subprocess.run([str(exe), "--json-path", str(path)], capture_output=True, text=True, check=False, timeout=120)
    return done.returncode != 0, _first_line(done.stdout + done.stderr)


def run_statelint(path: Path):
    exe = _bin("statelint")
    if exe is None:
        return None
    done = subprocess.run([str(exe), str(path)], capture_output=True, text=True, check=False, timeout=120)
    return done.returncode != 0, _first_line(done.stdout + done.stderr)


def run_cfn_lint_batch(paths: list) -> dict:
    """cfn-lint over every case at once (one process: its start-up dominates), keyed by case path."""
    exe = WORK / "venv" / "bin" / "cfn-lint"
    if not exe.exists():
        return {}
    out = {}
    with tempfile.TemporaryDirectory(prefix="aslint-cfn-") as folder:
        names = {}
        for path in paths:
            target = Path(folder) / (path.name.replace(".asl.json", "") + ".template.json")
            target.write_text(CFN_TEMPLATE % path.read_text(encoding="utf-8"), encoding="utf-8")
            names[str(target)] = path
        done = subprocess.run([str(exe), "--format", "parseable", *sorted(names)], capture_output=True, text=True,
                              check=False, timeout=1800)
        found: dict = {p: [] for p in names.values()}
        for line in done.stdout.splitlines():
            file = line.split(":", 1)[0]
            if file in names and (":E" in line or ":W" in line):
                found[names[file]].append(line.split(":", 5)[-1][:140])
        for path, lines in found.items():
            out[path] = (bool(lines), lines[0] if lines else "")
    return out


def run_aslint(path: Path, expect: str | None, ruleset):
    from aslint.api import lint_text

    diags = lint_text(path.read_text(encoding="utf-8"), path.name, ruleset=ruleset)
    serious = [d for d in diags if d.severity in ("error", "warning")]
    if expect:
        hits = [d for d in serious if d.code.startswith(expect)]
        shown = hits or serious
        return bool(hits), (f"{shown[0].code}: {shown[0].message[:110]}" if shown else "")
    asl = [d for d in serious if d.code.startswith("ASL")]
    return bool(asl), (f"{asl[0].code}: {asl[0].message[:110]}" if asl else "")


TOOLS = (("asl-validator", run_asl_validator), ("statelint", run_statelint), ("cfn-lint", None))


# --- the report --------------------------------------------------------------------------------
def _cell(result, broken: bool) -> str:
    if result is None:
        return "not run"
    flagged, _ = result
    if broken:
        return "✔" if flagged else "—"
    return "✘ false alarm" if flagged else "✔ clean"


def corpus_section(ruleset) -> list[str]:
    """aslint on the peers' own invalid fixtures about paths, intrinsics and JSONata."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    from aslint.api import lint_text

    keys = ("path", "intrinsic", "jsonata", "json-surround", "function-invocation", "states-array", "math-add",
            "payload-template", "assign", "variable")
    rows = []
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 8 or cols[7] != "invalid-fixture" or not cols[0].startswith("asl/"):
            continue
        name = cols[0].lower()
        if cols[2] not in ("ChristopheBougere/asl-validator", "awslabs/statelint", "localstack/localstack"):
            continue
        if not any(k in name for k in keys):
            continue
        path = CORPUS / cols[0]
        diags = lint_text(path.read_text(encoding="utf-8"), path.name, ruleset=ruleset)
        codes = sorted({d.code for d in diags if d.severity in ("error", "warning")})
        rows.append((cols[2], cols[3].rsplit("/", 1)[-1], codes))
    lines = ["", "## The peers' own invalid fixtures (paths, intrinsics, JSONata, variables)", "",
             f"From `../shared/corpus` (intent `invalid-fixture`), {len(rows)} files whose name is about these topics:", "",
             "| source | fixture | aslint (errors/warnings) |", "|---|---|---|"]
    for repo, fixture, codes in rows:
        lines.append(f"| {repo} | `{fixture}` | {', '.join(codes) if codes else '**not flagged**'} |")
    missed = [r for r in rows if not r[2]]
    lines += ["", f"aslint flags {len(rows) - len(missed)} of {len(rows)}."]
    if missed:
        lines.append("Not flagged: " + ", ".join(f"`{m[1]}`" for m in missed) + " (see the notes below).")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-install", action="store_true", help="do not install missing peers")
    parser.add_argument("--out", default=str(ROOT / "docs" / "peer-comparison.md"))
    args = parser.parse_args(argv)
    log = lambda msg: print(msg, file=sys.stderr)  # noqa: E731
    if not args.no_install:
        install(log)
    from aslint.core.engine import RuleSet
    from aslint.core.settings import Settings

    ruleset = RuleSet(Settings())
    cases = json.loads((CASES_DIR / "cases.json").read_text(encoding="utf-8"))
    results = []
    started = time.time()
    log("running cfn-lint over every case …")
    cfn = run_cfn_lint_batch([CASES_DIR / c["file"] for c in cases])
    for case in cases:
        path = CASES_DIR / case["file"]
        row = {"case": case, "aslint": run_aslint(path, case["expect"], ruleset)}
        for name, fn in TOOLS:
            try:
                row[name] = fn(path) if fn is not None else cfn.get(path)
            except (OSError, subprocess.SubprocessError) as err:
                log(f"{name} failed on {case['file']}: {err}")
                row[name] = None
        results.append(row)
        log(f"{case['file']}: " + " ".join(f"{k}={'x' if row[k] and row[k][0] else '.'}" for k in ("aslint", *[t[0] for t in TOOLS])))
    write_report(results, ruleset, Path(args.out), time.time() - started)
    missing = [r["case"]["file"] for r in results if r["case"]["expect"] and not r["aslint"][0]
               and any(r[t] and r[t][0] for t, _ in TOOLS)]
    if missing:
        log("aslint misses cases a peer catches: " + ", ".join(missing))
    return 1 if missing else 0


def write_report(results, ruleset, out: Path, seconds: float):
    names = ["aslint"] + [n for n, _ in TOOLS]
    broken = [r for r in results if r["case"]["expect"]]
    valid = [r for r in results if not r["case"]["expect"]]
    vers = versions()
    lines = ["# Peer comparison: who catches what", "",
             "Generated by `python3 benchmarks/peers/compare.py` (do not edit by hand). Cases: "
             f"`tests/peers/cases/` ({len(broken)} broken definitions, one per distinct mistake, and {len(valid)} valid ones).",
             "", "Versions: " + ", ".join(f"{k} {v}" for k, v in sorted(vers.items())) + ".", "",
             "A peer *flags* a case when it reports the definition invalid; aslint counts only when a finding of the",
             "expected code (error or warning) is raised. cfn-lint sees each definition as the `Definition` of a minimal",
             "`AWS::StepFunctions::StateMachine` template.", "", "## Summary", "",
             "| tool | broken cases caught | valid cases falsely flagged |", "|---|---|---|"]
    for name in names:
        ran = [r for r in broken if r[name] is not None]
        if not ran:
            lines.append(f"| {name} | not run | not run |")
            continue
        caught = sum(1 for r in ran if r[name][0])
        false = sum(1 for r in valid if r[name] is not None and r[name][0])
        lines.append(f"| {name} | {caught} / {len(broken)} | {false} / {len(valid)} |")
    only_peer = [r for r in broken if not r["aslint"][0] and any(r[n] and r[n][0] for n in names[1:])]
    lines += ["", f"Cases a peer catches and aslint does not: {len(only_peer)}"
              + (" (" + ", ".join(r['case']['file'] for r in only_peer) + ")" if only_peer else "") + ".", ""]
    for part, title in (("A", "Part A: structure, graph, Choice, Retry/Catch, timeouts, Map, Resource"),
                        ("core", "Core: parsing"),
                        ("B", "Part B: paths, intrinsics, JSONata, variables, callbacks")):
        rows = [r for r in broken if r["case"]["part"] == part]
        if not rows:
            continue
        lines += [f"## {title}", "", "| case | mistake | expected | " + " | ".join(names) + " |",
                  "|---|---|---|" + "---|" * len(names)]
        for r in rows:
            c = r["case"]
            lines.append(f"| `{c['file'].replace('.asl.json', '')}` | {c['mistake']} | {c['expect']} | "
                         + " | ".join(_cell(r[n], True) for n in names) + " |")
        lines.append("")
    lines += ["## Valid cases (false alarms)", "", "| case | what | " + " | ".join(names) + " |",
              "|---|---|" + "---|" * len(names)]
    for r in valid:
        c = r["case"]
        lines.append(f"| `{c['file'].replace('.asl.json', '')}` | {c['mistake']} | " + " | ".join(_cell(r[n], False) for n in names) + " |")
    lines += ["", "### What the peers said on the valid cases", ""]
    for r in valid:
        for n in names[1:]:
            if r[n] is not None and r[n][0]:
                lines.append(f"* {n} on `{r['case']['file']}`: {r[n][1]}")
    lines += corpus_section(ruleset)
    notes = Path(__file__).with_name("notes.md")
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").rstrip()]
    lines += ["", f"_Run time: {seconds:.0f} s._", ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
