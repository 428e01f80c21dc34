"""In-process use: lint texts held in memory and get Diagnostics back (tests, editors, scripts).

Nothing is written anywhere: the texts are handed to the engine as they are, through the same run
as ``aslint check`` (same recognition, rules, project-scope rules and de-duplication), so the
results are those the command line gives for the same files.

- ``files``: further texts linted in the same run (name -> text), e.g. a policy or an aws-auth
  manifest beside the definition that the cross-file rules read; their own diagnostics are not
  returned by :func:`lint_text` (use :func:`lint_texts` for every file's).
- ``workspace``: texts that stand in for files a run may read (a template's ``DefinitionUri``, a
  role policy beside a definition), e.g. an editor's open buffers; they override the disk.
- ``disk``: whether files not given in memory are read from disk (default False: the texts given
  are the whole world, as if they were alone in a folder).
"""

from __future__ import annotations

from aslint.core.settings import Settings


def _settings(settings, select, ignore) -> Settings:
    settings = settings or Settings()
    if select is not None:
        settings.select = list(select)
    if ignore:
        settings.ignore = list(ignore)
    return settings


def lint_texts(texts: dict, *, select=None, ignore=None, settings: Settings | None = None, ruleset=None,
               workspace: dict | None = None, disk: bool = False) -> dict:
    """Lint every text of ``texts`` (file name -> text) in one run; file name -> Diagnostics."""
    from aslint.core.engine import RuleSet, Target, run
    from aslint.core.workspace import Workspace

    ruleset = ruleset or RuleSet(_settings(settings, select, ignore))
    held = {**(workspace or {}), **texts}
    targets = [Target(name, True, body.encode("utf-8", "surrogatepass"), name) for name, body in texts.items()]
    results = run(targets, ruleset, workspace=Workspace(held, disk=disk))
    return {r.display: r.diagnostics for r in results}


def lint_text(text: str, filename: str = "definition.asl.json", *, select=None, ignore=None,
              settings: Settings | None = None, ruleset=None, files: dict | None = None,
              extra_files: dict | None = None, workspace: dict | None = None, disk: bool = False) -> list:
    """Diagnostics for ``text`` as if it were a file named ``filename`` (see the module's doc);
    ``extra_files`` is the older name of ``files``."""
    others = {**(extra_files or {}), **(files or {})}
    others.pop(filename, None)
    by_file = lint_texts({filename: text, **others}, select=select, ignore=ignore, settings=settings,
                         ruleset=ruleset, workspace=workspace, disk=disk)
    return by_file.get(filename, [])
