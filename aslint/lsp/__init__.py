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
    tcp = getattr(args, "tcp", None)
    if tcp is None:
        if sys.stdin is None:  # closed: the end of input before `initialize`, as on an empty one
            return 0
        if sys.stdout is None:
            sys.stderr.write("aslint: aslint lsp answers on standard output, which is closed\n")
            return 2
    start(tcp, getattr(args, "host", "127.0.0.1"))
    return 0
