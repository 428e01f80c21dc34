"""End to end: the real server over stdio, driven by a real LSP client (pytest-lsp)."""

from __future__ import annotations

import asyncio
import json
import os
import sys

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
pytest.importorskip("pygls")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

BROKEN = """{
  "Comment": "a typo in a state type",
  "StartAt": "Start",
  "States": {
    "Start": {
      "Type": "pass",
      "Next": "Done"
    },
    "Done": {"Type": "Succeed"}
  }
}
"""

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "aslint", "lsp"])


@pytest.fixture()
def workspace(tmp_path):
    (tmp_path / "sm.asl.json").write_text(BROKEN, encoding="utf-8")
    return tmp_path


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, workspace):
    yield
    await lsp_client.shutdown_session()  # shutdown, then exit: the server process must end cleanly


async def _start(client, root):
    await client.initialize_session(types.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="ws")]))


async def _open(client, path, text, version=1):
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="json", version=version, text=text)))
    return uri


async def _until(client, uri, predicate, timeout=60.0):
    """Poll the client's latest diagnostics of ``uri`` until ``predicate`` holds for them."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        got = client.diagnostics.get(uri)
        if got is not None and predicate(got):
            return got
        await asyncio.sleep(0.05)
    raise AssertionError(f"diagnostics of {uri} never matched: {client.diagnostics.get(uri)}")


def _codes(diagnostics):
    return sorted(d.code for d in diagnostics)


@pytest.mark.asyncio
async def test_open_change_fix_hover_shutdown(client, workspace):
    await _start(client, workspace)
    path = workspace / "sm.asl.json"
    uri = await _open(client, path, BROKEN)
    got = await _until(client, uri, lambda ds: any(d.code == "ASL100" for d in ds))
    d = next(d for d in got if d.code == "ASL100")
    assert d.source == "aslint"
    assert d.severity == types.DiagnosticSeverity.Error
    assert d.code_description.href.endswith("/rules/ASL100.md")
    # the same finding, position and code as the CLI (0-based here, 1-based there)
    assert (d.range.start.line, d.range.start.character) == (5, 14)

    # hover on the finding shows the rule's documentation
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=d.range.start))
    assert hover is not None and "ASL100" in hover.contents.value and "What it does" in hover.contents.value

    # a quick fix: the same edit as --fix; applying it clears the finding
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
        context=types.CodeActionContext(diagnostics=[d])))
    fixes = [a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.is_preferred]
    assert fixes, [a.title for a in actions]
    (edit,) = fixes[0].edit.changes[uri]
    assert edit.new_text == '"Pass"'
    fixed = _apply(BROKEN, edit)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    await _until(client, uri, lambda ds: not any(x.code == "ASL100" for x in ds))


def _apply(text: str, edit) -> str:
    lines = text.splitlines(keepends=True)
    def offset(pos):
        return sum(len(l) for l in lines[: pos.line]) + pos.character
    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]


@pytest.mark.asyncio
async def test_configuration_change_relints(client, workspace):
    await _start(client, workspace)
    uri = await _open(client, workspace / "sm.asl.json", BROKEN)
    await _until(client, uri, lambda ds: "ASL100" in _codes(ds))
    config = workspace / ".aslint.yaml"
    config.write_text("ignore: [ASL100]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    await _until(client, uri, lambda ds: "ASL100" not in _codes(ds))


ROLE = "arn:aws:iam::111122223333:role/StepFunctionsEksRole"
RUN_JOB = json.dumps({"StartAt": "Run", "States": {"Run": {
    "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
    "Parameters": {"ClusterName": "Existing", "CertificateAuthority": "x", "Endpoint": "https://e",
                   "Namespace": "default", "Job": {"apiVersion": "batch/v1", "kind": "Job"}}, "End": True}}}, indent=2)
AWS_AUTH = f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: {ROLE}
      username: step-functions
      groups: [sfn-jobs]
"""


@pytest.mark.asyncio
async def test_workspace_files_count_and_unsaved_text_wins(client, workspace):
    """AUTH013 (a project-scope rule) sees the aws-auth manifest elsewhere in the folder; an open
    editor's unsaved text of that manifest takes precedence over the file on disk."""
    (workspace / "sm.asl.json").unlink()
    (workspace / ".aslint.yaml").write_text(f"role-arn: {ROLE}\n", encoding="utf-8")
    (workspace / "k8s").mkdir()
    manifest = workspace / "k8s" / "aws-auth.yaml"
    manifest.write_text(AWS_AUTH, encoding="utf-8")
    definition = workspace / "run.asl.json"
    definition.write_text(RUN_JOB, encoding="utf-8")
    await _start(client, workspace)
    uri = await _open(client, definition, RUN_JOB)
    got = await _until(client, uri, lambda ds: True)
    assert "AUTH013" not in _codes(got)
    # the manifest opened with unsaved text that maps another role: now the role is unmapped
    unsaved = AWS_AUTH.replace("StepFunctionsEksRole", "SomeoneElse")
    manifest_uri = manifest.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=manifest_uri, language_id="yaml", version=1, text=unsaved)))
    await _until(client, uri, lambda ds: "AUTH013" in _codes(ds))


@pytest.mark.asyncio
async def test_fix_all_and_suppression_comment(client, workspace):
    await _start(client, workspace)
    text = BROKEN.replace('"Type": "Succeed"', '"Type": "succeed"')
    uri = await _open(client, workspace / "sm.asl.json", text)
    got = await _until(client, uri, lambda ds: _codes(ds).count("ASL100") == 2)
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=99, character=0))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=whole,
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.aslint"])))
    (fix_all,) = actions
    (edit,) = fix_all.edit.changes[uri]
    assert _apply(text, edit) == text.replace('"pass"', '"Pass"').replace('"succeed"', '"Succeed"')

    first = next(d for d in got if d.code == "ASL100")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=first.range,
        context=types.CodeActionContext(diagnostics=[first])))
    (suppress,) = [a for a in actions if "ignore[ASL100]" in a.title]
    (edit,) = suppress.edit.changes[uri]
    silenced = _apply(text, edit)
    assert json.loads(silenced)["States"]["Start"]["Comment"] == "aslint: ignore[ASL100]"
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=silenced)]))
    await _until(client, uri, lambda ds: _codes(ds).count("ASL100") == 1)


@pytest.mark.asyncio
async def test_parse_error_is_a_diagnostic_and_the_server_lives_on(client, workspace):
    await _start(client, workspace)
    uri = await _open(client, workspace / "sm.asl.json", '{"StartAt": "A", "States": {')
    got = await _until(client, uri, lambda ds: "ASL001" in _codes(ds))
    assert got[0].range.start.line == 0
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=BROKEN)]))
    await _until(client, uri, lambda ds: "ASL100" in _codes(ds))


def test_server_exits_when_its_client_goes_away(tmp_path):
    """Standard input closed (the editor died): the server process ends on its own."""
    import subprocess

    proc = subprocess.Popen([sys.executable, "-m", "aslint", "lsp"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    proc.stdin.close()
    try:
        assert proc.wait(timeout=30) is not None
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.mark.asyncio
async def test_leak_path_states_are_related_locations(client, workspace):
    from pathlib import Path

    leaky = (Path(__file__).resolve().parents[2] / "examples" / "eks-cluster-leaky.asl.json").read_text(encoding="utf-8")
    path = workspace / "leaky.asl.json"
    path.write_text(leaky, encoding="utf-8")
    await _start(client, workspace)
    uri = await _open(client, path, leaky)
    got = await _until(client, uri, lambda ds: any(d.code.startswith("LCY") for d in ds))
    leaks = [d for d in got if d.code == "LCY002"]
    assert leaks and all(d.related_information for d in leaks)
    assert all(r.location.uri == uri for d in leaks for r in d.related_information)


TERRAFORM = '''resource "aws_sfn_state_machine" "deploy" {
  name     = "deploy"
  role_arn = var.role_arn
  definition = jsonencode({
    StartAt = "Start"
    States = {
      Start = {
        Type   = "Pass"
        Colour = "red"
        End    = true
      }
    }
  })
}
'''


@pytest.mark.asyncio
async def test_terraform_source_gets_the_cli_findings_at_hcl_positions(client, workspace):
    pytest.importorskip("hcl2")
    from aslint.api import lint_text

    path = workspace / "main.tf"
    path.write_text(TERRAFORM, encoding="utf-8")
    await _start(client, workspace)
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="terraform", version=1, text=TERRAFORM)))
    got = await _until(client, uri, lambda ds: "ASL101" in _codes(ds))
    cli = [d for d in lint_text(TERRAFORM, "main.tf") if d.code == "ASL101"]
    (d,) = [d for d in got if d.code == "ASL101"]
    assert (d.range.start.line + 1, d.range.start.character + 1) == (cli[0].line, cli[0].column) == (9, 9)
