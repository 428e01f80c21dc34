"""The command line: ``aslint check``, ``aslint rules``, ``aslint rule CODE``."""

from __future__ import annotations

import argparse
import os
import sys
from aslint.core.record import dataclass, field

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        sys.stderr.write(f"aslint: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _csv(value: str) -> list:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    from aslint import __version__
    parser = _Parser(prog="aslint", description="Lint AWS Step Functions definitions that drive Amazon EKS, their IAM policies and aws-auth mappings.")
    parser.add_argument("--version", action="store_true", help="print the version and the data catalogs' dates")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files, directories or globs (default: the current directory)")
    check.add_argument("paths", nargs="*", help="files, directories, globs, or - for standard input")
    check.add_argument("--format", choices=("text", "json", "github", "sarif"), help="output format (default: text; github when GITHUB_ACTIONS=true)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--select", type=_csv, metavar="CODES", help="only these codes or prefixes (e.g. EKS,LCY1)")
    check.add_argument("--extend-select", type=_csv, default=[], metavar="CODES", help="add codes or prefixes to the selection")
    check.add_argument("--ignore", type=_csv, default=[], metavar="CODES", help="leave out these codes or prefixes")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails the run (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--statistics", action="store_true", help="count findings per code")
    check.add_argument("--quiet", "-q", action="store_true", help="print nothing when clean")
    check.add_argument("--verbose", "-v", action="store_true", help="say which files were skipped and why")
    check.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                       help="lint with N processes (0: one per core; default: one per core when there are 64 files or more)")
    check.add_argument("--config", metavar="FILE", help="use this configuration file (pyproject.toml or .aslint.yaml)")
    check.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report for standard input (-)")
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip paths matching GLOB (repeatable)")
    check.add_argument("--fix", action="store_true", help="apply the machine-applicable fixes in place")
    check.add_argument("--diff", action="store_true", help="show the fixes as a unified diff; write nothing")
    check.add_argument("--role-policy", action="append", default=[], metavar="FILE", help="an IAM policy of the state machine's role (repeatable)")
    check.add_argument("--role-arn", metavar="ARN", help="the state machine's role ARN (for aws-auth checks)")
    check.add_argument("--account", help="AWS account id for ARNs the definition implies")
    check.add_argument("--region", help="AWS Region for ARNs the definition implies")
    check.add_argument("--no-color", action="store_true", help="never colour the text output")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rule = sub.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code")

    lsp = sub.add_parser("lsp", help="run the language server for editors (stdio; needs aslint[lsp])")
    lsp.add_argument("--tcp", type=int, metavar="PORT", help="listen on TCP PORT instead of stdio")
    lsp.add_argument("--host", default="127.0.0.1", help="the address to listen on with --tcp (default: 127.0.0.1)")

    policy = sub.add_parser("policy", help="print the least-privilege IAM policy a definition needs")
    policy.add_argument("definition")
    policy.add_argument("--account")
    policy.add_argument("--region")
    return parser


def main(argv: list | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.version:
            return _version()
        if args.command == "check":
            return check(args)
        if args.command == "rules":
            return list_rules(args)
        if args.command == "rule":
            return show_rule(args)
        if args.command == "lsp":
            from aslint.lsp import main as lsp_main

            return lsp_main(args)
        if args.command == "policy":
            from aslint.policy_cli import main as policy_main

            return policy_main(args)
        parser.print_help()
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # the last guard: never a traceback
        from aslint.core.settings import ConfigError

        if isinstance(err, ConfigError):
            sys.stderr.write(f"aslint: {err}\n")
            return EXIT_USAGE
        import traceback

        where = traceback.extract_tb(err.__traceback__)[-1]
        sys.stderr.write(f"aslint: internal error: {type(err).__name__}: {err} (at {os.path.basename(where.filename)}:{where.lineno}); please report it\n")
        return EXIT_USAGE


def _version() -> int:
    from aslint import __version__
    line = f"aslint {__version__}"
    try:
        from aslint.iam.catalog import catalog_dates

        line += "\n" + catalog_dates()
    except ImportError:
        pass
    print(line)
    return EXIT_CLEAN


def load_settings(args):
    from aslint.core import config as config_mod
    from aslint.core.settings import ConfigError, Settings

    settings = Settings()
    source = None
    if args.config:
        from pathlib import Path

        path = Path(args.config)
        if not path.is_file():
            raise ConfigError(f"--config {args.config}: no such file")
        source = path
    elif not args.isolated:
        source = config_mod.find()
    if source is not None:
        config_mod.apply(settings, config_mod.read(source), str(source), str(source.resolve().parent))
        settings.config_path, settings.config_dir = str(source), str(source.resolve().parent)
    if args.select is not None:
        settings.select = args.select
    settings.extend_select += args.extend_select
    settings.ignore += args.ignore
    if args.fail_on:
        settings.fail_on = args.fail_on
    settings.extend_exclude += args.exclude
    settings.cli_role_policies += args.role_policy
    for key in ("account", "region", "role_arn"):
        if getattr(args, key, None):
            setattr(settings, key, getattr(args, key))
    return settings


@dataclass
class Report:
    diagnostics: list
    files: int
    ruleset: object
    summary: dict
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    fixed: bool = False
    results: list = field(default_factory=list)
    #: print each finding's hint on a second, indented line (text output on a terminal)
    hints: bool = False


def check(args) -> int:
    import gc

    # A lint run is short and builds few reference cycles: the cyclic collector's passes over an
    # ever larger heap cost ~10 % on big definitions and free nothing (peak RSS measured the same).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(args)
    finally:
        if was_enabled:
            gc.enable()


def _check(args) -> int:
    from aslint.core import config as config_mod
    from aslint.core.discovery import expand
    from aslint.core.engine import RuleSet
    from aslint.core.settings import ConfigError

    settings = load_settings(args)
    ruleset = RuleSet(settings)
    config_mod.validate_codes(settings, ruleset.known, settings.config_path or "command line")
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    paths = args.paths or ["."]
    if "-" in paths and (args.fix or args.diff):
        raise ConfigError("--fix and --diff need files, not standard input")
    targets, problems = expand(paths, settings.exclude + settings.extend_exclude)
    for problem in problems:
        sys.stderr.write(f"aslint: {problem}\n")
    results = run(targets, ruleset, args)
    if args.verbose:
        for r in results:
            if not r.recognized:
                sys.stderr.write(f"aslint: skipped {r.display}: {r.note}\n")
    fixed = False
    if args.fix or args.diff:
        from aslint.core.fixer import apply_fixes

        # a machine format owns standard output: the diff goes to standard error beside it
        fixed = apply_fixes(results, write=args.fix and not args.diff, diff=args.diff, ruleset=ruleset, rerun=lambda path: run([(path, True)], ruleset, args)[0],
                            diff_stream=sys.stdout if fmt == "text" else sys.stderr)
    diagnostics = [d for r in results for d in r.diagnostics]
    summary = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        summary[d.severity] += 1
    out_stream = sys.stdout
    color = fmt == "text" and not args.output and not args.no_color and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    report = Report(diagnostics, sum(1 for r in results if r.recognized), ruleset, summary, color, args.statistics, args.quiet, fixed, results)
    report.hints = fmt == "text" and not args.output and sys.stdout.isatty()
    if not (args.diff and fmt == "text"):
        from aslint.output import render

        from aslint.output import encodable

        text = encodable(render(fmt, report))
        if args.output:
            from aslint.output import write_whole

            problem = write_whole(args.output, text)
            if problem:
                raise ConfigError(f"--output {args.output}: {problem}")
        else:
            out_stream.write(text)
    if problems and not results:
        return EXIT_USAGE
    if args.exit_zero:
        return EXIT_CLEAN
    failing = any(settings.fails(d.severity) for d in diagnostics)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def run(targets, ruleset, args) -> list:
    """The engine's run over the expanded targets, standard input read here (``-``)."""
    from aslint.core.engine import Target, run as engine_run

    from aslint.core.loader import MAX_BYTES

    stdin_name = getattr(args, "stdin_filename", None) or "-"
    # read up to the size cap and one byte more (then refused as too large), never to the end
    items = [Target(stdin_name, True, sys.stdin.buffer.read(MAX_BYTES + 1), stdin_name) if path == "-" else Target(path, explicit)
             for path, explicit in targets]
    return engine_run(items, ruleset, jobs=args.jobs, keep_text=bool(args.fix or args.diff))


def list_rules(args) -> int:
    from aslint.catalog import ruledocs
    docs = ruledocs.catalog()
    if args.format == "json":
        import json

        print(json.dumps([{"code": d.code, "name": d.name, "severity": d.severity, "severities": d.severities, "fixable": d.fixable,
                           "tags": d.tags, "summary": d.summary} for d in docs.values()], indent=2))
        return EXIT_CLEAN
    for d in docs.values():
        print(f"{d.code}  {d.name:<40} {d.severity:<8}{' fix' if d.fixable else '    '}  {d.summary}")
    return EXIT_CLEAN


def show_rule(args) -> int:
    from aslint.catalog import ruledocs
    doc = ruledocs.catalog().get(args.code.upper())
    if doc is None:
        sys.stderr.write(f"aslint: no rule {args.code!r} (see 'aslint rules')\n")
        return EXIT_USAGE
    print(f"# {doc.code} {doc.name}\n")
    also = f" (some findings: {', '.join(doc.severities[1:])})" if len(doc.severities) > 1 else ""
    print(f"Severity: {doc.severity}{also}. Fixable: {'yes' if doc.fixable else 'no'}.{' Tags: ' + ', '.join(doc.tags) + '.' if doc.tags else ''}\n")
    print(f"{doc.summary}\n")
    print(doc.help_markdown.strip())
    return EXIT_CLEAN
