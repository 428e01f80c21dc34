"""The command line: ``aslint check``, ``aslint rules``, ``aslint rule CODE``."""

from __future__ import annotations

import os
import sys
from aslint.core.record import dataclass, field

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _csv(value: str) -> list:
    return [v.strip() for v in value.split(",") if v.strip()]


CHECK_EXAMPLES = """examples:
  aslint check sfn/ main.asl.json
  aslint check --select EKS,LCY --fail-on error
  aslint check --format sarif --output aslint.sarif
  cat def.asl.json | aslint check --stdin-filename def.asl.json -

exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or configuration error"""

#: the sub-commands, each with its help line and the function that adds its arguments
COMMANDS = {
    "check": "lint files, directories or globs (default: the current directory)",
    "rules": "list every rule (custom rules of the configuration included)",
    "rule": "print a rule's documentation",
    "lsp": "run the language server for editors (stdio; needs aslint[lsp])",
    "policy": "print the least-privilege IAM policy a definition needs",
}


def _terminal_width() -> int:
    """What ``shutil.get_terminal_size().columns`` says (COLUMNS, else the terminal, else 80),
    without importing shutil, which argparse's formatter does each time it is made."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _classes():
    """The parser and formatter classes (argparse is imported when a command line is parsed)."""
    global _CLASSES
    if _CLASSES is None:
        import argparse

        class Parser(argparse.ArgumentParser):
            def error(self, message):
                self.print_usage(sys.stderr)
                sys.stderr.write(f"aslint: error: {message}\n")
                raise SystemExit(EXIT_USAGE)

        class Formatter(argparse.HelpFormatter):
            def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
                super().__init__(prog, indent_increment, max_help_position, _terminal_width() - 2 if width is None else width)

        class RawDescriptionFormatter(Formatter, argparse.RawDescriptionHelpFormatter):
            pass

        _CLASSES = Parser, Formatter, RawDescriptionFormatter
    return _CLASSES


_CLASSES = None


def build_parser(only: str | None = None):
    """The argument parser; with ``only``, the arguments of that sub-command alone are added (the
    others are listed, with their help lines, but a run does not build what it will not parse)."""
    Parser, Formatter, RawDescriptionFormatter = _classes()
    parser = Parser(prog="aslint", description="Lint AWS Step Functions definitions that drive Amazon EKS, their IAM policies and aws-auth mappings.",
                    formatter_class=Formatter)
    parser.add_argument("--version", "-V", action="store_true", help="print the version and the data catalogs' dates")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    for name, help_line in COMMANDS.items():
        extra = {"formatter_class": RawDescriptionFormatter, "epilog": CHECK_EXAMPLES} if name == "check" else {"formatter_class": Formatter}
        command = sub.add_parser(name, help=help_line, **extra)
        if only is None or only == name:
            _ARGUMENTS[name](command)
    return parser


def _check_arguments(check) -> None:
    check.add_argument("paths", nargs="*", help="files, directories, globs, or - for standard input")
    check.add_argument("--format", choices=("text", "json", "github", "sarif"), help="output format (default: text; github when GITHUB_ACTIONS=true; with --output, by the file name: .sarif, .json, else text)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--select", type=_csv, metavar="CODES", help="only these codes or prefixes (e.g. EKS,LCY00)")
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
    check.add_argument("--force-exclude", action="store_true",
                       help="apply the excludes to files named on the command line too (as pre-commit names them)")
    check.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                       help="also read files that git ignores in directory walks")
    check.add_argument("--show-files", action="store_true", help="print the files a run would read, and stop")
    check.add_argument("--show-settings", action="store_true", help="print the settings a run would use, and stop")
    check.add_argument("--fix", action="store_true", help="apply the machine-applicable fixes in place")
    check.add_argument("--diff", action="store_true", help="show the fixes as a unified diff; write nothing")
    check.add_argument("--role-policy", action="append", default=[], metavar="FILE", help="an IAM policy of the state machine's role (repeatable)")
    check.add_argument("--role-arn", metavar="ARN", help="the state machine's role ARN (for aws-auth checks)")
    check.add_argument("--account", help="AWS account id for ARNs the definition implies")
    check.add_argument("--region", help="AWS Region for ARNs the definition implies")
    check.add_argument("--no-color", action="store_true", help="never colour the text output (also NO_COLOR; FORCE_COLOR colours without a terminal)")


def _config_arguments(p, listed: str) -> None:
    p.add_argument("--config", metavar="FILE", help=f"use this configuration file ({listed})")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file (built-in rules only)")


def _rules_arguments(rules) -> None:
    rules.add_argument("--format", choices=("text", "json"), default="text")
    _config_arguments(rules, "its extra-rules are listed")


def _rule_arguments(rule) -> None:
    rule.add_argument("code")
    _config_arguments(rule, "its extra-rules are listed")


def _lsp_arguments(lsp) -> None:
    lsp.add_argument("--tcp", type=int, metavar="PORT", help="listen on TCP PORT instead of stdio")
    lsp.add_argument("--host", default="127.0.0.1", help="the address to listen on with --tcp (default: 127.0.0.1)")


def _policy_arguments(policy) -> None:
    policy.add_argument("definition")
    policy.add_argument("--account")
    policy.add_argument("--region")


_ARGUMENTS = {"check": _check_arguments, "rules": _rules_arguments, "rule": _rule_arguments,
              "lsp": _lsp_arguments, "policy": _policy_arguments}


def _command_of(argv) -> str | None:
    """The sub-command an argument list names (its first word that is not an option), if it is one."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _parse(parser, argv):
    """parse_args, but an unknown option is reported with its subcommand's usage and a did-you-mean."""
    args, extra = parser.parse_known_args(argv)
    if extra:
        subparsers = parser._subparsers._group_actions[0].choices if parser._subparsers else {}
        target = subparsers.get(getattr(args, "command", None) or "", parser)
        from difflib import get_close_matches

        options = [o for a in target._actions for o in a.option_strings]
        unknown = next((e for e in extra if e.startswith("-")), extra[0])
        near = get_close_matches(unknown.split("=", 1)[0], options, n=1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        target.error(f"unrecognized arguments: {' '.join(extra)}{hint}")
    return args


def main(argv: list | None = None) -> int:
    """Run a command line; its exit code. Without ``argv`` this is the program (the console script,
    ``python -m aslint``): it reads ``sys.argv``, and once a run's output is flushed it ends the
    process at once instead of returning: tearing down every module and object costs more than a
    small file's lint, and nothing is left to do (the language server exits the usual way)."""
    if argv is not None:
        return _main(argv)
    argv = sys.argv[1:]
    if _command_of(argv) == "lsp":
        return _main(argv)
    import gc

    gc.disable()  # a run is short and builds few reference cycles (see check)
    code = _main(argv)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # a closed pipe, say: Python's own exit reports it, as it always did
        return code
    os._exit(code)


def _main(argv: list) -> int:
    parser = build_parser(_command_of(argv))
    args = _parse(parser, argv)
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
    _check_role_policies(settings)
    for key in ("account", "region", "role_arn"):
        if getattr(args, key, None):
            setattr(settings, key, getattr(args, key))
    return settings


def _expand_policy_files(files, what: str) -> list:
    """Each named policy file must exist; a glob must match at least one file (exit 2 otherwise)."""
    import glob

    from aslint.core.settings import ConfigError

    out = []
    for f in files:
        if any(ch in f for ch in "*?["):
            matches = sorted(m for m in glob.glob(f, recursive=True) if os.path.isfile(m))
            if not matches:
                raise ConfigError(f"{what} {f}: no file matches this pattern")
            out.extend(matches)
        elif not os.path.isfile(f):
            raise ConfigError(f"{what} {f}: no such file" if not os.path.exists(f) else f"{what} {f}: not a file")
        else:
            out.append(f)
    return out


def _check_role_policies(settings) -> None:
    settings.cli_role_policies = _expand_policy_files(settings.cli_role_policies, "--role-policy")
    source = settings.config_path or "configuration"
    for pattern, files in list(settings.role_policies.items()):
        settings.role_policies[pattern] = _expand_policy_files(files, f"{source}: role-policies['{pattern}']:")


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
    problems: list = field(default_factory=list)  # paths that could not be read (SARIF notifications)
    fixed_count: int = 0  # findings --fix removed
    skipped: int = 0  # files read but not recognized
    #: print each finding's hint on a second, indented line (text output on a terminal)
    hints: bool = False


def choose_format(given: str | None, output: str | None) -> str:
    """--format wins; a report file takes its format from its name; on Actions, stdout gets annotations."""
    if given:
        return given
    if output:
        name = output.lower()
        if name.endswith((".sarif", ".sarif.json")):
            return "sarif"
        return "json" if name.endswith(".json") else "text"
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_color(no_color: bool, stream) -> bool:
    """--no-color and NO_COLOR (https://no-color.org) turn colour off; FORCE_COLOR
    (https://force-color.org) turns it on where no terminal is; else only on a terminal."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


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
    fmt = choose_format(args.format, args.output)
    paths = list(args.paths)
    if args.stdin_filename and "-" not in paths:
        if paths:
            raise ConfigError("--stdin-filename names standard input, but '-' is not among the paths; add '-'")
        paths = ["-"]  # as ruff does: --stdin-filename alone reads standard input
    paths = paths or ["."]
    if args.show_settings:
        return show_settings(settings, ruleset, paths)
    excludes = settings.exclude + settings.extend_exclude
    targets, problems = expand(paths, excludes, force_exclude=args.force_exclude, respect_gitignore=args.respect_gitignore)
    if args.show_files:
        for path, _ in targets:
            print(path)
        for problem in problems:
            sys.stderr.write(f"aslint: {problem}\n")
        return EXIT_USAGE if problems else EXIT_CLEAN
    for problem in problems:
        sys.stderr.write(f"aslint: {problem}\n")
    results = run(targets, ruleset, args)
    if args.verbose:
        for r in results:
            if not r.recognized:
                sys.stderr.write(f"aslint: skipped {r.display}: {r.note}\n")
    fixed_count = 0
    diff_text = ""
    stdin_fixed = None
    if args.fix or args.diff:
        from aslint.core.fixer import apply_fixes

        outcome = apply_fixes(results, write=args.fix and not args.diff, diff=args.diff, ruleset=ruleset,
                              rerun=lambda path: run([(path, True)], ruleset, args)[0])
        fixed_count, diff_text, stdin_fixed = outcome.fixed, outcome.diff, outcome.stdin_text
    diagnostics = [d for r in results for d in r.diagnostics]
    summary = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        summary[d.severity] += 1
    # with --fix on standard input the fixed text goes to stdout, the report to stderr (as ruff does)
    out_stream = sys.stderr if stdin_fixed is not None else sys.stdout
    color = fmt == "text" and not args.output and use_color(args.no_color, out_stream)
    report = Report(diagnostics, sum(1 for r in results if r.recognized), ruleset, summary, color, args.statistics,
                    args.quiet, bool(fixed_count), results, problems, fixed_count,
                    sum(1 for r in results if not r.recognized))
    report.hints = fmt == "text" and not args.output and out_stream.isatty()
    if stdin_fixed is not None:
        sys.stdout.write(stdin_fixed)
    if args.diff and fmt == "text":
        # like ruff: --diff shows the fixes only (nothing when there is nothing to fix); 1 when there are some
        sys.stdout.write(diff_text)
        return EXIT_USAGE if problems else (EXIT_FINDINGS if diff_text else EXIT_CLEAN)
    if args.diff:  # a machine format owns standard output: the diff goes to standard error beside it
        sys.stderr.write(diff_text)
    from aslint.output import encodable, render

    text = encodable(render(fmt, report))
    if args.output:
        from aslint.output import write_whole

        problem = write_whole(args.output, text)
        if problem:
            raise ConfigError(f"--output {args.output}: {problem}")
    else:
        out_stream.write(text)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            from aslint.output import job_summary

            job_summary.write(report)
    if problems:  # a path that could not be read fails the run, whatever else was linted
        return EXIT_USAGE
    if args.exit_zero:
        return EXIT_CLEAN
    failing = any(settings.fails(d.severity) for d in diagnostics)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def show_settings(settings, ruleset, paths) -> int:
    """The resolved settings, one ``key = value`` line each (TOML values)."""
    import json

    def value(v):
        return json.dumps(v, ensure_ascii=False)

    lines = [f"# configuration: {settings.config_path or '(none: defaults)'}",
             f"paths = {value(paths)}"]
    for key in ("select", "extend_select", "ignore", "per_file_ignores", "severity", "rule_options", "fail_on",
                "exclude", "extend_exclude", "extra_rules", "role_policies", "cli_role_policies", "account",
                "region", "role_arn"):
        v = getattr(settings, key)
        if v is None:
            continue
        lines.append(f"{key.replace('_', '-')} = {value(v)}")
    lines.append(f"# rules that run: {len(ruleset.active)} of {len(ruleset.all_rules)}")
    print("\n".join(lines))
    return EXIT_CLEAN


def run(targets, ruleset, args) -> list:
    """The engine's run over the expanded targets, standard input read here (``-``)."""
    from aslint.core.engine import Target, run as engine_run

    from aslint.core.loader import MAX_BYTES

    stdin_name = getattr(args, "stdin_filename", None) or "-"
    # read up to the size cap and one byte more (then refused as too large), never to the end
    items = [Target(stdin_name, True, sys.stdin.buffer.read(MAX_BYTES + 1), stdin_name) if path == "-" else Target(path, explicit)
             for path, explicit in targets]
    results = engine_run(items, ruleset, jobs=args.jobs, keep_text=bool(getattr(args, "fix", False) or getattr(args, "diff", False)))
    from_stdin = {t.display for t in items if t.data is not None}
    for r in results:
        r.stdin = r.display in from_stdin
    return results


def _rule_docs(args) -> dict:
    """code -> RuleDoc: the built-in rules, then the custom rules of the configuration's extra-rules."""
    from aslint.catalog import ruledocs
    from aslint.catalog.declarative import load_rule_files
    from aslint.core import config as config_mod
    from aslint.core.settings import ConfigError, Settings

    docs = dict(ruledocs.catalog().items())
    settings = Settings()
    source = None
    if getattr(args, "config", None):
        from pathlib import Path

        source = Path(args.config)
        if not source.is_file():
            raise ConfigError(f"--config {args.config}: no such file")
    elif not getattr(args, "isolated", False):
        source = config_mod.find()
    if source is not None:
        config_mod.apply(settings, config_mod.read(source), str(source), str(source.resolve().parent))
    for path in settings.extra_rules:
        extra, _ = load_rule_files(path, docs)
        for code, doc in extra.items():
            doc.source = path
            docs[code] = doc
    return docs


def list_rules(args) -> int:
    docs = _rule_docs(args)
    if args.format == "json":
        import json

        print(json.dumps([{"code": d.code, "name": d.name, "severity": d.severity, "severities": d.severities, "fixable": d.fixable,
                           "tags": d.tags, "summary": d.summary, "source": getattr(d, "source", None)}
                          for d in docs.values()], indent=2))
        return EXIT_CLEAN
    for d in docs.values():
        custom = f"  (custom: {os.path.relpath(d.source)})" if getattr(d, "source", None) else ""
        print(f"{d.code}  {d.name:<40} {d.severity:<8}{' fix' if d.fixable else '    '}  {d.summary}{custom}")
    return EXIT_CLEAN


def show_rule(args) -> int:
    docs = _rule_docs(args)
    doc = docs.get(args.code.upper()) or docs.get(args.code)
    if doc is None:
        from difflib import get_close_matches

        near = get_close_matches(args.code.upper(), list(docs), n=1)
        hint = f"; did you mean {near[0]}?" if near else ""
        sys.stderr.write(f"aslint: no rule {args.code!r} (see 'aslint rules'){hint}\n")
        return EXIT_USAGE
    print(f"# {doc.code} {doc.name}\n")
    also = f" (some findings: {', '.join(doc.severities[1:])})" if len(doc.severities) > 1 else ""
    print(f"Severity: {doc.severity}{also}. Fixable: {'yes' if doc.fixable else 'no'}.{' Tags: ' + ', '.join(doc.tags) + '.' if doc.tags else ''}\n")
    print(f"{doc.summary}\n")
    if getattr(doc, "source", None):
        import json

        print(f"A custom rule from {os.path.relpath(doc.source)}. Its check:\n")
        print(json.dumps(doc.check, indent=2, ensure_ascii=False, default=str))
        return EXIT_CLEAN
    print(doc.help_markdown.strip())
    return EXIT_CLEAN
