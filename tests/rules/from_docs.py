"""Write a rule's fixture folder from its doc's examples (``## Example`` -> fail/, ``Use instead:``
-> pass/), for rules that have none yet::

    python -m tests.rules.from_docs [CODE ...]

then run ``pytest tests/rules --update-snapshots`` and review the snapshots.
"""

from __future__ import annotations

import sys

from aslint.catalog import ruledocs

from .snapshots import FIXTURES

SUFFIX = {"json": ".json", "yaml": ".yaml", "yml": ".yaml"}


def files_of(blocks) -> dict:
    """File name -> text, named as the doc-example tests name them."""
    (info, text), attachments = blocks[0], blocks[1:]
    words = info.split()
    lang = words[0] if words else "json"
    main = words[1] if len(words) > 1 and "." in words[1] else "example" + (".asl" if lang == "json" else "") + SUFFIX.get(lang, ".json")
    files = {main: text}
    for i, (a_info, a_text) in enumerate(attachments):
        parts = a_info.split()
        files[parts[1] if len(parts) > 1 else f"attachment{i}{SUFFIX.get(parts[0] if parts else 'json', '.json')}"] = a_text
    return files


def write(code: str) -> bool:
    folder = FIXTURES / code
    if folder.exists():
        return False
    failing, passing = ruledocs.catalog()[code].examples()
    written = False
    for case, blocks in (("fail", failing), ("pass", passing)):
        if not blocks or blocks[0][0].split()[:1] == ["text"]:
            continue
        for name, text in files_of(blocks).items():
            path = folder / case / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written = True
    return written


if __name__ == "__main__":
    codes = sys.argv[1:] or sorted(ruledocs.catalog())
    for code in codes:
        if write(code):
            print("wrote", FIXTURES / code)
