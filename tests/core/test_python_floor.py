"""The code keeps working on the lowest supported Python (requires-python in pyproject.toml), even
when the suite runs on a newer one: 3.9 grammar, and no ``X | Y`` annotations evaluated at run time.
(.ci/matrix runs the whole suite on 3.9; this catches the common slips on any interpreter.)"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(p for p in (ROOT / "aslint").rglob("*.py"))


def _future_annotations(tree) -> bool:
    return any(isinstance(n, ast.ImportFrom) and n.module == "__future__" and any(a.name == "annotations" for a in n.names)
               for n in tree.body)


def _annotations(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
                if a is not None and a.annotation is not None:
                    yield a.annotation
            if node.returns is not None:
                yield node.returns
        elif isinstance(node, ast.AnnAssign):
            yield node.annotation


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_module_parses_and_annotates_for_python_3_9(path):
    text = path.read_text(encoding="utf-8")
    ast.parse(text, filename=str(path), feature_version=(3, 9))  # no match statements, no 3.10+ syntax
    tree = ast.parse(text)
    if _future_annotations(tree):
        return
    for annotation in _annotations(tree):
        for node in ast.walk(annotation):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
                pytest.fail(f"{path.relative_to(ROOT)}:{annotation.lineno}: an 'X | Y' annotation fails on Python 3.9 "
                            "without 'from __future__ import annotations'")


def test_no_stdlib_dataclass_slots():
    """dataclasses.dataclass(slots=...) exists from Python 3.10 on (aslint.core.record has its own)."""
    for path in FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        stdlib = any(isinstance(n, ast.ImportFrom) and n.module == "dataclasses" for n in ast.walk(tree))
        if not stdlib:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "dataclass":
                assert not any(k.arg in ("slots", "kw_only") for k in node.keywords), f"{path}:{node.lineno}"
