"""The language server: pygls wiring of diagnostics, code actions and hover onto a Session."""

from __future__ import annotations

import asyncio
import os
import threading

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from aslint.lsp import actions
from aslint.lsp.positions import LineTable
from aslint.lsp.session import Linted, Session

#: a change is linted once the user has paused typing this long (seconds)
DEBOUNCE = 0.25
FIX_ALL_KIND = "source.fixAll.aslint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
LINTED_SUFFIXES = (".json", ".yaml", ".yml", ".tf")


class AslintServer(LanguageServer):
    def __init__(self):
        from aslint import __version__

        super().__init__("aslint", __version__)
        self.session = Session(None)
        self.encoding = "utf-16"
        self.versions: dict[str, int] = {}  # uri -> newest version seen
        self.published: dict[str, tuple] = {}  # uri -> (version, Linted)
        self.pending: dict[str, asyncio.Task] = {}
        self.lint_lock = threading.Lock()  # one lint at a time; a stale one is dropped

    # -- linting -------------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint ``uri`` after ``delay``; a newer request for the same document replaces it."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        version = self.versions.get(uri)
        loop = asyncio.get_running_loop()
        linted = await loop.run_in_executor(None, self._lint_now, uri, version)
        if linted is None or self.versions.get(uri) != version:
            return  # a newer text arrived meanwhile: its own lint publishes
        self.published[uri] = (version, linted)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=self.to_lsp(uri, linted)))

    def _lint_now(self, uri: str, version):
        with self.lint_lock:
            if self.versions.get(uri) != version:
                return None  # stale before it started
            path = to_fs_path(uri)
            from aslint.core import warm

            try:
                with warm.stoppable(lambda: self.versions.get(uri) != version):
                    return self.session.lint(path)
            except warm.Cancelled:
                return None  # a newer version arrived while this one was linted
            except Exception as err:  # never a dead server: one diagnostic says what broke
                from aslint.core.finding import Diagnostic

                text = self.session.buffers.get(path, "")
                message = f"aslint could not lint this file ({type(err).__name__}: {err}); please report it"
                return Linted(text, [Diagnostic("ASL000", "error", message, path, 1, 1, 1, 2, "")])

    def relint_open(self) -> None:
        for uri in list(self.versions):
            self.schedule(uri)

    # -- conversions ---------------------------------------------------------------------------
    def to_lsp(self, uri: str, linted) -> list:
        table = LineTable(linted.text, self.encoding)
        ruleset = self.session.ruleset()
        out = []
        for d in linted.diagnostics:
            doc = ruleset.docs.get(d.code)
            related = []
            for (line, col, end_line, end_col), message in d.related or ():
                related.append(types.DiagnosticRelatedInformation(
                    location=types.Location(uri=uri, range=self._range(table, line, col, end_line, end_col)),
                    message=message))
            out.append(types.Diagnostic(
                range=self._range(table, d.line, d.column, d.end_line, d.end_column),
                message=d.message,
                severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
                code=d.code,
                code_description=types.CodeDescription(href=doc.help_uri) if doc is not None and doc.help_uri else None,
                source="aslint",
                related_information=related or None,
                data={"code": d.code, "pointer": d.pointer, "state": d.state, "help": d.hint,
                      "fix": d.fix},
            ))
        return out

    @staticmethod
    def _range(table, line, col, end_line, end_col):
        sl, sc = table.to_lsp(line, col)
        el, ec = table.to_lsp(end_line, end_col)
        return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))

    def edit_to_lsp(self, text: str, edit) -> types.TextEdit:
        table = LineTable(text, self.encoding)
        start, end, new = edit
        sl, sc = table.offset_to_lsp(start)
        el, ec = table.offset_to_lsp(end)
        return types.TextEdit(range=types.Range(start=types.Position(line=sl, character=sc),
                                                end=types.Position(line=el, character=ec)), new_text=new)

    def current(self, uri: str):
        """The Linted of the newest published version of ``uri`` (None before the first lint)."""
        entry = self.published.get(uri)
        if entry is None or entry[0] != self.versions.get(uri):
            return None
        return entry[1]


server = AslintServer()


def _lintable(uri: str) -> bool:
    return uri.startswith("file:") and uri.lower().endswith(LINTED_SUFFIXES)


@server.feature(types.INITIALIZE)
def initialize(ls: AslintServer, params: types.InitializeParams):
    root = None
    if params.workspace_folders:
        root = to_fs_path(params.workspace_folders[0].uri)
    elif params.root_uri:
        root = to_fs_path(params.root_uri)
    elif params.root_path:
        root = params.root_path
    ls.session = Session(root)
    general = params.capabilities.general
    offered = list(getattr(general, "position_encodings", None) or []) if general else []
    # pygls negotiates the encoding the same way (utf-16 unless the client offers utf-32/utf-8)
    for name in ("utf-32", "utf-8"):
        if any(str(getattr(e, "value", e)) == name for e in offered):
            ls.encoding = name
            break


@server.feature(types.INITIALIZED)
def initialized(ls: AslintServer, params):
    if ls.session.config_error:
        ls.window_show_message(types.ShowMessageParams(
            type=types.MessageType.Error,
            message=f"aslint: {ls.session.config_error} (linting with the defaults)"))


def _open_or_change(ls: AslintServer, uri: str, version, delay: float) -> None:
    path = to_fs_path(uri)
    document = ls.workspace.get_text_document(uri)
    ls.session.open(path, document.source)
    ls.versions[uri] = version if version is not None else ls.versions.get(uri, 0) + 1
    if ls.session.is_config(path):
        ls.session.configuration_changed()
        ls.relint_open()
    elif _lintable(uri):
        ls.schedule(uri, delay)
        # project-scope rules: an open policy or manifest changes what the other files see
        for other in list(ls.versions):
            waiting = ls.pending.get(other)
            if other != uri and (waiting is None or waiting.done()):
                ls.schedule(other, delay * 2 or DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: AslintServer, params: types.DidOpenTextDocumentParams):
    _open_or_change(ls, params.text_document.uri, params.text_document.version, 0.0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: AslintServer, params: types.DidChangeTextDocumentParams):
    _open_or_change(ls, params.text_document.uri, params.text_document.version, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: AslintServer, params: types.DidSaveTextDocumentParams):
    uri = params.text_document.uri
    path = to_fs_path(uri)
    if ls.session.is_config(path):
        ls.session.configuration_changed()
        ls.relint_open()
    else:
        ls.session.files_changed()
        ls.relint_open()  # a saved policy or manifest changes what other files' project rules see


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: AslintServer, params: types.DidCloseTextDocumentParams):
    uri = params.text_document.uri
    path = to_fs_path(uri)
    ls.session.close(path)
    ls.versions.pop(uri, None)
    ls.published.pop(uri, None)
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    if ls.session.is_config(path):
        ls.session.configuration_changed()
        ls.relint_open()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: AslintServer, params: types.DidChangeWatchedFilesParams):
    if any(ls.session.is_config(to_fs_path(change.uri)) for change in params.changes):
        ls.session.configuration_changed()
    else:
        ls.session.files_changed()
    ls.relint_open()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: AslintServer, params: types.DidChangeConfigurationParams):
    ls.session.configuration_changed()
    ls.relint_open()


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND,
                                               types.CodeActionKind.SourceFixAll]),
)
def code_action(ls: AslintServer, params: types.CodeActionParams):
    uri = params.text_document.uri
    linted = ls.current(uri)
    if linted is None:
        return []
    wanted = params.context.only
    out = []
    table = LineTable(linted.text, "utf-32")
    if not wanted or types.CodeActionKind.QuickFix in wanted:
        for d in _diagnostics_in(ls, linted, params.range):
            edits = actions.edits_of(d, table) if d.fix else []
            if edits:
                out.append(_action(ls, uri, linted.text, f"aslint: {d.fix.get('description') or 'fix ' + d.code} ({d.code})",
                                   types.CodeActionKind.QuickFix, edits, d, preferred=True))
            edit = actions.suppression_edit(linted.documents, d, linted.text)
            if edit is not None:
                out.append(_action(ls, uri, linted.text, f"aslint: add 'aslint: ignore[{d.code}]' to the Comment of state '{d.state}'",
                                   types.CodeActionKind.QuickFix, [edit], d))
    if not wanted or any(str(k).startswith("source") for k in wanted):
        if any(d.fix for d in linted.diagnostics):
            path = to_fs_path(uri)
            fixed = actions.fix_all(ls.session, path, linted.text)
            edit = actions.minimal_edit(linted.text, fixed)
            if edit is not None:
                out.append(_action(ls, uri, linted.text, "aslint: fix all auto-fixable problems", FIX_ALL_KIND, [edit], None))
    return out


def _diagnostics_in(ls, linted, rng: types.Range):
    table = LineTable(linted.text, ls.encoding)
    for d in linted.diagnostics:
        sl, sc = table.to_lsp(d.line, d.column)
        el, ec = table.to_lsp(d.end_line, d.end_column)
        if (el, ec) < (rng.start.line, rng.start.character) or (sl, sc) > (rng.end.line, rng.end.character):
            continue
        yield d


def _action(ls, uri, text, title, kind, edits, diagnostic, preferred=False):
    changes = {uri: [ls.edit_to_lsp(text, e) for e in edits]}
    diagnostics = None
    if diagnostic is not None:
        diagnostics = ls.to_lsp(uri, Linted(text, [diagnostic]))
    return types.CodeAction(title=title, kind=kind, edit=types.WorkspaceEdit(changes=changes),
                            diagnostics=diagnostics, is_preferred=preferred or None)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: AslintServer, params: types.HoverParams):
    linted = ls.current(params.text_document.uri)
    if linted is None:
        return None
    pos = params.position
    point = types.Range(start=pos, end=pos)
    hits = list(_diagnostics_in(ls, linted, point))
    if not hits:
        return None
    from aslint.lsp.hover import markdown

    ruleset = ls.session.ruleset()
    parts = [markdown(d, ruleset.docs.get(d.code)) for d in hits]
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


def start(tcp_port: int | None = None, host: str = "127.0.0.1") -> None:
    if tcp_port is not None:
        server.start_tcp(host, tcp_port)
    else:
        server.start_io()
