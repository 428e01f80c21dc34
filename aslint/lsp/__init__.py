"""``aslint lsp``: the Language Server Protocol over stdio (or TCP), for editors.

Needs the optional ``lsp`` extra (pygls and lsprotocol): ``pip install 'aslint[lsp]'``.
"""

from __future__ import annotations

import sys

MISSING = "aslint lsp needs the editor extra: pip install 'aslint[lsp]' (pygls and lsprotocol)"


def main(args) -> int:
    try:
        from aslint.lsp.server import start
    except ImportError as err:
        if err.name and err.name.split(".")[0] in ("pygls", "lsprotocol", "cattrs", "attrs"):
            sys.stderr.write(f"aslint: {MISSING}\n")
            return 2
        raise
    start(getattr(args, "tcp", None), getattr(args, "host", "127.0.0.1"))
    return 0
