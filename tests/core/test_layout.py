"""The layout holds: no module of the core (nor of the catalog or the output formats) imports a
family package, whatever the place of the import (top level or inside a function)."""

import ast
from pathlib import Path

import aslint
from aslint.core.kinds import families

PACKAGE = Path(aslint.__file__).resolve().parent
NEUTRAL = ("core", "catalog", "output")


def _imports(path: Path) -> list:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            if node.module == "aslint":  # from aslint import asl
                found.extend((node.lineno, f"aslint.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module":
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((node.lineno, arg.value))
    return found


def test_the_families_are_found_by_looking():
    assert {"aslint.asl", "aslint.eks", "aslint.iam", "aslint.auth", "aslint.lcy", "aslint.pay",
            "aslint.templates"} <= set(families())
    assert not any(f"aslint.{n}" in families() for n in NEUTRAL)


def test_no_core_module_imports_a_family():
    family = tuple(families())
    offences = []
    modules = [p for n in NEUTRAL for p in sorted((PACKAGE / n).rglob("*.py"))]
    assert len(modules) > 20
    for path in modules:
        for line, name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in family):
                offences.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    assert offences == []


def test_the_walk_sees_an_import_inside_a_function(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from aslint.asl.model import model\n    import aslint.eks.tasks\n")
    assert [n for _, n in _imports(sample)] == ["aslint.asl.model", "aslint.eks.tasks"]
