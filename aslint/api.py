"""In-process use: lint a string or a file and get Diagnostics back (used by the tests and editors)."""

from __future__ import annotations

from aslint.settings import Settings


def lint_text(text: str, filename: str = "definition.asl.json", *, select=None, ignore=None,
              settings: Settings | None = None, ruleset=None, extra_files: dict | None = None) -> list:
    """Diagnostics for ``text`` as if it were a file named ``filename``.

    ``extra_files`` maps further file names to texts linted in the same run (for cross-file rules,
    e.g. a policy or an aws-auth manifest beside the definition); only ``filename``'s
    diagnostics are returned.
    """
    import os
    import tempfile

    from aslint.cli import run
    from aslint.engine import RuleSet

    settings = settings or Settings()
    if select is not None:
        settings.select = list(select)
    if ignore:
        settings.ignore = list(ignore)
    with tempfile.TemporaryDirectory(prefix="aslint-") as folder:
        main = os.path.join(folder, filename)
        files = {filename: text, **(extra_files or {})}
        for name, body in files.items():
            path = os.path.join(folder, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(body)
        ruleset = ruleset or RuleSet(settings)

        class _Args:
            jobs = 1
            fix = diff = False
            stdin_filename = None

        results = run([(os.path.join(folder, n), True) for n in files], ruleset, _Args())
        for r in results:
            if r.path == main:
                for d in r.diagnostics:
                    if d.file == r.display:  # not those reported in another file (a DefinitionUri's)
                        d.file = filename
                return r.diagnostics
    return []
