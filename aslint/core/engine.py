"""The rule engine: load a file, recognize its documents, run the selected rules, resolve findings."""

from __future__ import annotations

import os
from aslint.core.record import dataclass, field

from aslint.core import kinds as kinds_mod
from aslint.core import warm
from aslint.core.finding import Diagnostic, Finding, bounded
from aslint.core.loader import Loaded, load
from aslint.core.settings import Settings


@dataclass
class FileResult:
    path: str
    display: str
    recognized: bool
    diagnostics: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    note: str = ""  # why a file was skipped (for --verbose)
    text: str | None = None  # kept for --fix
    documents: list = field(default_factory=list)  # recognized documents (dropped across processes)
    failed: bool = False  # it could not be checked (see failed_file): never read again
    #: some project rule may use one of its documents (a worker process said so before dropping
    #: them: only such files are read again for the project rules)
    in_project: bool = True


class Context:
    """What a rule's check() receives."""

    __slots__ = ("doc", "data", "options", "settings", "project", "cache", "ruleset")

    def __init__(self, doc, options, settings, project, ruleset):
        self.doc = doc
        self.data = doc.data if doc is not None else None
        self.options = options
        self.settings = settings
        self.project = project
        self.cache = doc.cache if doc is not None else {}
        self.ruleset = ruleset


class RuleSet:
    """The rules a run uses, instantiated once, with their severities and options."""

    def __init__(self, settings: Settings):
        from aslint.catalog import ruledocs
        from aslint.catalog.declarative import build_rules, load_rule_files
        from aslint.catalog.index import RULES
        from aslint.core.rule import RuleMap, RulesByKind, RuleTable

        self.settings = settings
        self._options: dict = {}
        kinds_mod.load_families()
        self.docs = ruledocs.catalog().copy()
        instances = build_rules(self.docs)
        for path in settings.extra_rules:
            extra_docs, extra_rules = load_rule_files(path, self.docs)
            for code, doc in extra_docs.items():
                dict.__setitem__(self.docs, code, doc)
            instances.update(extra_rules)
        # the built-in rules' modules are imported only when a document of their kinds is met
        table = RuleTable(RULES, instances)
        codes = table.codes()
        self.all_rules = RuleMap(table, codes)
        if settings.rule_options:
            self._check_options()
        self.known = set(codes) | set(self.docs) | set(CORE_CODES)
        self.active = RuleMap(table, [code for code in codes if settings.selected(code)])
        self.by_kind = RulesByKind(self.active)
        self.project_rules = [rule for rule in (self.active.get(code) for code in self.active
                                                if self.active.scope(code) == "project") if rule is not None]

    def severity(self, code: str, stated: str | None = None) -> str:
        """The configuration's level for ``code`` if it sets one (it always wins), else the level
        the rule stated for this finding (one its doc declares), else the doc's default."""
        configured = self.settings.severity.get(code)
        if configured is not None:
            return configured
        if stated is not None:
            return stated  # one of the levels the doc declares (the rule-doc tests hold every rule to that)
        doc = self.docs.get(code)
        return doc.severity if doc else "error"

    def options(self, rule) -> dict:
        """The defaults declared under ``options`` in the rule's doc, then the configuration's."""
        merged = self._options.get(rule.code)
        if merged is None:
            from aslint.catalog.options import defaults

            doc = self.docs.get(rule.code)
            merged = defaults(doc.options) if doc is not None else {}
            merged.update(self.settings.rule_options.get(rule.code, {}))
            self._options[rule.code] = merged
        return merged

    def _check_options(self):
        """Unknown option keys and values of the wrong type are configuration errors."""
        from aslint.catalog.options import problems
        from aslint.core.settings import ConfigError

        for code, given in self.settings.rule_options.items():
            doc = self.docs.get(code)
            if doc is None:
                continue  # an unknown code: validate_codes says so
            found = problems(code, given, doc.options)
            if found:
                raise ConfigError(f"{self.settings.config_path or 'configuration'}: {found[0]}")


CORE_CODES = ("ASL000", "ASL001", "ASL002", "ASL003", "ASL004", "ASL005")


def display_path(path: str) -> str:
    if path == "-":
        return path
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def lint_file(path: str, ruleset: RuleSet, *, explicit: bool = False, data: bytes | None = None,
              display: str | None = None, keep_text: bool = False) -> FileResult:
    """Lint one file. Whatever goes wrong while reading or linting it (a MemoryError included)
    becomes that file's diagnostic; the run goes on with the other files."""
    try:
        return _lint_file(path, ruleset, explicit=explicit, data=data, display=display, keep_text=keep_text)
    except Exception as err:  # MemoryError and RecursionError included
        return failed_file(path, display or display_path(path), ruleset, _failure(err))


def _failure(err) -> str:
    if isinstance(err, MemoryError):
        return "aslint ran out of memory reading or linting this file; it was not checked"
    if isinstance(err, RecursionError):
        return "the file nests too deeply to be checked"
    return f"internal error while reading or linting this file ({type(err).__name__}: {str(err)[:120]}); it was not checked (please report it)"


def failed_file(path: str, display: str, ruleset: RuleSet, message: str) -> FileResult:
    """A FileResult that says the file could not be checked (ASL000 at its first line)."""
    result = FileResult(path, display, recognized=True, failed=True)
    result.diagnostics.append(Diagnostic("ASL000", ruleset.severity("ASL000"), message, display, 1, 1, 1, 1, "", None))
    return result


def _lint_file(path: str, ruleset: RuleSet, *, explicit: bool = False, data: bytes | None = None,
               display: str | None = None, keep_text: bool = False) -> FileResult:
    from aslint.core import budget

    display = display or display_path(path)
    with budget.for_file():  # the file and every string parsed out of it share one alias budget
        loaded = load(path if data is None else display, data)
        result = lint_loaded(loaded, ruleset, display, explicit=explicit)
    if keep_text:
        result.text = loaded.text
    return result


def recognize(loaded: Loaded, on_error=None) -> list:
    """The documents of a loaded file that some kind claims, each with its ``kind`` set, followed
    by the documents the kinds' extractors pull out of them (in the order found).

    ``on_error(doc, kind, err)`` hears of an extractor that failed (the others go on)."""
    documents = list(loaded.documents)
    found = []
    while documents:
        doc = documents.pop(0)
        kind = doc.kind or kinds_mod.classify(doc.data)  # an extractor may name its documents' kind
        if kind is None and loaded.declared and doc.parent is None and doc.host is None:
            kind = kinds_mod.DECLARED_KIND
        if kind is None:
            continue
        doc.kind = kind
        found.append(doc)
        extract = kinds_mod.EXTRACTORS.get(kind)
        if extract is not None:
            try:
                documents.extend(extract(doc))
            except Exception as err:  # never let an extractor end the run
                if on_error is not None:
                    on_error(doc, kind, err)
    return found


def lint_loaded(loaded: Loaded, ruleset: RuleSet, display: str, explicit: bool = False) -> FileResult:
    result = FileResult(loaded.path, display, recognized=False)
    settings = ruleset.settings
    if loaded.problem:
        p = loaded.problem
        if loaded.declared or p.certain or (explicit and p.code == "ASL003") or (p.code == "ASL001" and kinds_mod.sniff(loaded.text, explicit=explicit)):
            result.recognized = True
            _emit_problem(result, loaded, ruleset)
        else:
            result.note = p.message
        return result
    found = recognize(loaded, lambda doc, kind, err: _internal(result, doc, ruleset, f"extracting documents from a {kind}", err))
    if not found:
        result.note = "not recognized as a definition, policy, manifest or template"
        return result
    result.recognized = True
    result.kinds = sorted({d.kind for d in found})
    result.documents = found
    companions = []
    for prepare in kinds_mod.PREPARERS:  # e.g. pair definitions with their role's policies (IAM)
        companions.extend(prepare(found, settings) or ())
    for doc in found + [c for i, c in enumerate(companions) if c not in found and c not in companions[:i]]:
        if doc.duplicates and settings.selected("ASL002"):
            from aslint.core.duplicate_keys import describe

            for pointer, repeat, first in doc.duplicates:
                message, hint, severity = describe(doc, pointer, repeat, first)
                _add(result, doc, ruleset, "ASL002", Finding(pointer, message, target="key", hint=hint, severity=severity),
                     span=repeat.key)
        warm_run = warm.enabled()  # an editor's session; a one-shot run checks every rule on the whole document
        for rule in ruleset.by_kind.get(doc.kind, ()):
            warm.check_stop()  # an editor's newer text makes this lint stale: stop between rules
            options = ruleset.options(rule)
            try:
                if warm_run:
                    findings = warm.run_rule(doc, rule, lambda view, rule=rule, options=options: rule.check(
                        Context(view, options, settings, None, ruleset)))
                else:  # what run_rule does cold, without its call
                    findings = list(rule.check(Context(doc, options, settings, None, ruleset)) or ())
                for finding in findings:
                    # a finding may sit in another document of the run (a paired role policy)
                    _add(result, getattr(finding, "document", None) or doc, ruleset, finding.code or rule.code, finding)
            except Exception as err:
                _internal(result, doc, ruleset, f"rule {rule.code}", err)
    for doc in found:  # once every document ran: an embedded one may use its host's suppressions
        checks = kinds_mod.DIRECTIVE_CHECKS.get(doc.kind)
        if checks is not None:
            try:
                for code, finding in checks[0](doc, ruleset) or ():
                    _add(result, doc, ruleset, code, finding)
            except Exception as err:
                _internal(result, doc, ruleset, "checking the suppressions", err)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def _emit_problem(result: FileResult, loaded: Loaded, ruleset: RuleSet):
    from aslint.core.positions import LineIndex

    p = loaded.problem
    if not ruleset.settings.selected(p.code):
        return
    line = col = 1
    end_line, end_col = 1, 1
    if loaded.text:
        idx = LineIndex(loaded.text)
        line, col = idx.line_col(p.offset)
        end_line, end_col = idx.line_col(p.end if p.end is not None else p.offset + 1)
        end_line, end_col = (line, col + 1) if end_line != line else (end_line, end_col)
    severity = ruleset.severity(p.code)
    result.diagnostics.append(Diagnostic(p.code, severity, p.message, result.display, line, col, end_line, end_col, "", None))


def _internal(result, doc, ruleset, where, err):
    import traceback  # only when a rule breaks

    tb = traceback.extract_tb(err.__traceback__)
    last = tb[-1] if tb else None
    at = f" at {os.path.basename(last.filename)}:{last.lineno}" if last else ""
    kind = "the document nests too deeply" if isinstance(err, RecursionError) else f"{type(err).__name__}: {str(err)[:80]}"
    _add(result, doc, ruleset, "ASL000", Finding("", f"internal error in {where} ({kind}{at}); the other rules ran",
                                                 hint="Please report it, with the file if you can"))


def _add(result: FileResult, doc, ruleset: RuleSet, code: str, finding: Finding, span=None):
    settings = ruleset.settings
    if code != "ASL000" and not settings.selected(code):
        return
    if settings.ignored_for_file(code, result.display):
        return
    # an embedded document (a body in a state, a definition in a template) obeys every enclosing
    # document's suppressions, takes the enclosing state's name, and reports a pointer into the file
    levels = doc.in_hosts(finding.pointer)
    if code != "ASL000":
        for level, at in levels:
            suppressor = kinds_mod.SUPPRESSORS.get(level.kind)
            if suppressor is not None and suppressor(level, code, at):
                return
    try:
        if span is not None:
            if doc.host is None:
                line, col, end_line, end_col = doc.lines_range(*span)
            else:
                line, col, end_line, end_col = doc.locate(finding.pointer, "key")
        else:
            line, col, end_line, end_col = doc.locate(finding.pointer, finding.target)
    except Exception:
        line, col, end_line, end_col = 1, 1, 1, 1
    if code != "ASL000":
        from aslint.core.yaml_ignores import ignored

        if ignored(doc, code, line):
            return
    state = None
    for level, at in levels:
        state_of = kinds_mod.STATE_OF.get(level.kind)
        if state_of is not None:
            state = state_of(level, at)
            break
    pointer = levels[-1][1]
    # a document read from another file (a template's DefinitionUri) reports in that file
    foreign = doc.root().path != result.path
    # the configuration has the last word, then the finding's own level, then the rule's
    diag = Diagnostic(code, ruleset.severity(code, finding.severity), bounded(finding.message),
                      display_path(doc.root().path) if foreign else result.display,
                      line, col, end_line, end_col, pointer, bounded(state))
    if finding.related:
        diag.related = [(doc.locate(p, "value"), bounded(msg)) for p, msg in finding.related]
    diag.path = [bounded(step) for step in finding.path]
    diag.hint = bounded(finding.hint)
    if finding.fix is not None and not foreign and not doc.context.get("substituted"):
        from aslint.core.fixes import to_edit

        edit = to_edit(doc, finding.fix)
        if edit is not None:
            root = doc.root()
            sl, sc = root.lines.line_col(edit.start)
            el, ec = root.lines.line_col(edit.end)
            diag.fix = {"description": bounded(finding.fix.description),
                        "edits": [{"line": sl, "column": sc, "end_line": el, "end_column": ec, "text": edit.text}]}
            diag.edits = [edit]
            from aslint.core.fixcheck import lineage

            diag.intents = [(lineage(doc), finding.fix)]
    result.diagnostics.append(diag)


def lint_project(results: list, ruleset: RuleSet, documents: list) -> list:
    """Run project-scope rules over every recognized document of the run; returns diagnostics."""
    extra = []
    if not ruleset.project_rules:
        return extra
    by_path = {r.path: r for r in results}
    for rule in ruleset.project_rules:
        ctx = Context(None, ruleset.options(rule), ruleset.settings, documents, ruleset)
        try:
            for doc, finding in rule.check(ctx) or ():
                holder = by_path.get(doc.root().path)
                if holder is None:
                    continue
                before = len(holder.diagnostics)
                _add(holder, doc, ruleset, finding.code or rule.code, finding)
                extra.extend(holder.diagnostics[before:])
        except Exception as err:
            if documents:
                holder = by_path.get(documents[0].root().path)
                if holder is not None:
                    _internal(holder, documents[0], ruleset, f"rule {rule.code}", err)
    for doc in documents:  # a suppression reported unused may have silenced a project-wide finding
        checks = kinds_mod.DIRECTIVE_CHECKS.get(doc.kind)
        holder = by_path.get(doc.root().path) if checks is not None else None
        if holder is not None:
            checks[1](holder, doc)
    return extra


# -- the run ---------------------------------------------------------------------------------

#: from this many files on, an automatic run (``jobs=None``) lints in one process per core
AUTO_PARALLEL_FILES = 64
#: ``-j N`` is capped at this many processes per core (and at the number of files)
MAX_JOBS_PER_CORE = 4


@dataclass
class Target:
    """One file of a run: read from ``path`` (through the workspace), or ``data`` when given
    (standard input, an editor's buffer), reported as ``display``."""

    path: str
    explicit: bool = True
    data: bytes | None = None
    display: str | None = None


def _as_target(item) -> Target:
    if isinstance(item, Target):
        return item
    path, explicit = item
    return Target(path, explicit)


def run(targets, ruleset: RuleSet, *, jobs: int | None = 1, keep_text: bool = False, workspace=None) -> list:
    """Lint every target (in ``jobs`` processes; None: automatic, 0: one per core), then the
    project-scope rules over every recognized document, with repeats dropped; FileResults in order.

    Reads of other files (a template's DefinitionUri, role policies) go through ``workspace``."""
    from aslint.core.workspace import using

    targets = [_as_target(t) for t in targets]
    with using(workspace):
        on_disk = [t for t in targets if t.data is None]
        if jobs is None:  # automatic: processes pay off only for many files
            jobs = (os.cpu_count() or 1) if len(on_disk) >= AUTO_PARALLEL_FILES else 1
        elif jobs == 0:
            jobs = os.cpu_count() or 1
        # never more processes than files, nor than a few per core (-j 100000 forks no more)
        jobs = max(1, min(jobs, len(on_disk), MAX_JOBS_PER_CORE * (os.cpu_count() or 1)))
        results = [lint_file(t.path, ruleset, explicit=True, data=t.data, display=t.display or t.path, keep_text=keep_text)
                   for t in targets if t.data is not None]
        if jobs > 1 and len(on_disk) > 8 and (workspace is None or workspace.disk and not workspace.texts):
            results.extend(_parallel(on_disk, ruleset, jobs, keep_text))
        else:
            results.extend(_released(lint_file(t.path, ruleset, explicit=t.explicit, display=t.display,
                                               keep_text=keep_text), ruleset, keep=True)
                           for t in on_disk)
        _drop_repeats(results)
        if ruleset.project_rules:
            lint_project(results, ruleset, _project_documents(results))
            for r in results:
                r.diagnostics.sort(key=Diagnostic.sort_key)
    return results


def _released(result: FileResult, ruleset: RuleSet, *, keep: bool) -> FileResult:
    """A linted file says whether a project rule of the run may use one of its documents
    (``in_project``) and lets go of its parsed documents (data, text, position tables: ~100 KB for a
    small definition) unless it is ``keep``ing them for such a rule, so memory stays bounded by the
    findings, not by the number of files a run reads. A worker process keeps none (its results
    cross to the parent, which reads the files that take part again)."""
    result.in_project = takes_part(result.documents, ruleset)
    if not (keep and result.in_project):
        result.documents = []
    _collect_file_garbage()
    return result


def _collect_file_garbage() -> None:
    """With the cyclic collector off (a command-line run turns it off for speed), free the
    reference cycles a file's lint left behind (its documents point at their parents): only the
    youngest generation, the objects made since the last file, so the cost stays linear."""
    import gc

    if not gc.isenabled():
        gc.collect(0)


def takes_part(documents, ruleset: RuleSet) -> bool:
    """Whether some project rule of the run may use one of ``documents`` (when unsure: yes)."""
    for rule in ruleset.project_rules:
        ctx = Context(None, ruleset.options(rule), ruleset.settings, None, ruleset)
        for doc in documents:
            try:
                if rule.takes_part(ctx, doc):
                    return True
            except Exception:
                return True
    return False


def _drop_repeats(results) -> None:
    """A definition file linted on its own and again through a template's DefinitionUri reports
    in its own file both times: keep one copy of each identical diagnostic."""
    if not any(d.file != r.display for r in results for d in r.diagnostics):
        return
    seen = {(d.code, d.file, d.line, d.column, d.message) for r in results for d in r.diagnostics if d.file == r.display}
    for r in results:
        kept = []
        for d in r.diagnostics:
            key = (d.code, d.file, d.line, d.column, d.message)
            if d.file != r.display:
                if key in seen:
                    continue
                seen.add(key)
            kept.append(d)
        r.diagnostics = kept


def _project_documents(results) -> list:
    documents = []
    for r in results:
        if not r.recognized or r.failed:
            continue
        if r.documents:
            documents.extend(r.documents)
        elif r.path != "-" and r.in_project:
            documents.extend(recognize(load(r.path)))  # a worker process linted it; read it again here
    return documents


_WORKER_RULESET = None


def _init_worker(ruleset):
    global _WORKER_RULESET
    _WORKER_RULESET = ruleset


def _lint_chunk(chunk):
    out = []
    for path, explicit, display, keep_text in chunk:
        result = _released(lint_file(path, _WORKER_RULESET, explicit=explicit, display=display, keep_text=keep_text),
                           _WORKER_RULESET, keep=False)
        for d in result.diagnostics:
            d.edits = list(d.edits)
        out.append(result)
    return out


def _parallel(targets, ruleset, jobs, keep_text) -> list:
    """Lint in ``jobs`` processes. A worker that dies (killed for its memory, say) never leaves the
    run waiting: the files it may have held are linted again one process each, and a file whose
    process dies again gets a diagnostic saying so."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    items = [(t.path, t.explicit, t.display, keep_text) for t in targets]
    size = max(1, len(items) // (jobs * 4))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    parts: list = [None] * len(chunks)
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(ruleset,)) as pool:
        futures = [pool.submit(_lint_chunk, chunk) for chunk in chunks]
        for i, future in enumerate(futures):
            try:
                parts[i] = future.result()
            except BrokenProcessPool:
                pass  # this chunk's worker, or another one, died: its files are linted again below
    for i, chunk in enumerate(chunks):
        if parts[i] is None:
            parts[i] = [_isolated(item, ruleset, ctx) for item in chunk]
    return [r for part in parts for r in part]


def _isolated(item, ruleset, ctx):
    """Lint one file in a process of its own; its death is that file's diagnostic."""
    path, _explicit, display, _keep = item
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_isolated_worker, args=(ruleset, item, sender))
    process.start()
    sender.close()
    result = None
    try:
        result = receiver.recv()[0]
    except (EOFError, OSError):
        pass
    finally:
        receiver.close()
    process.join()
    if result is None:
        why = f"killed by signal {-process.exitcode}" if process.exitcode and process.exitcode < 0 else f"exit status {process.exitcode}"
        return failed_file(path, display or display_path(path), ruleset,
                           f"the process linting this file died ({why}; out of memory?); it was not checked")
    return result


def _isolated_worker(ruleset, item, sender):
    _init_worker(ruleset)
    sender.send(_lint_chunk([item]))
    sender.close()
