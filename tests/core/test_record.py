"""aslint.core.record behaves like dataclasses for the features aslint's record classes use."""

from __future__ import annotations

import dataclasses
import pickle
import sys

import pytest

from aslint.core import record


def _make(dc, field):
    # dataclasses takes slots= from Python 3.10 on; on 3.9 the stdlib twins compare without slots
    slots = {"slots": True} if dc is not dataclasses.dataclass or sys.version_info >= (3, 10) else {}

    class Base:
        a: int
        b: str = "b"

    Base = dc(Base)

    class Plain:
        x: int
        y: list = field(default_factory=list)
        z: dict | None = None
        k: "ClassVar[int]" = 3  # noqa: F821 - a string annotation, as under `from __future__ import annotations`

    class Frozen:
        x: int
        y: tuple = ()

    class Slotted:
        x: int
        y: int = 2

    class Child(Base):
        c: float = 1.5

    class Noted:
        x: int
        note: str = field(default="", compare=False, repr=False)

    class OwnEq:
        x: int

        def __eq__(self, other):
            return True

    return {"Base": Base, "Plain": dc(Plain), "Frozen": dc(frozen=True)(Frozen),
            "FrozenSlots": dc(frozen=True, **slots)(type("FrozenSlots", (), {"__annotations__": {"x": "int", "y": "int"}, "y": 2})),
            "Slotted": dc(**slots)(Slotted), "Child": dc(Child), "OwnEq": dc(OwnEq),
            "Noted": dc(frozen=True)(Noted)}


STD = _make(dataclasses.dataclass, dataclasses.field)
OURS = _make(record.dataclass, record.field)


@pytest.mark.parametrize("name,args,kwargs", [
    ("Base", (1,), {}), ("Base", (1, "q"), {}), ("Plain", (1,), {}), ("Plain", (), {"x": 1, "z": {"a": 1}}),
    ("Frozen", (1, (2,)), {}), ("FrozenSlots", (1,), {}), ("Slotted", (1, 5), {}), ("Child", (1, "b", 2.5), {}),
    ("Child", (1,), {"c": 0.5}), ("OwnEq", (3,), {}), ("Noted", (1, "a"), {}),
])
def test_same_construction_equality_hash_and_repr(name, args, kwargs):
    std, ours = STD[name](*args, **kwargs), OURS[name](*args, **kwargs)
    assert repr(ours) == repr(std)
    assert (ours == OURS[name](*args, **kwargs)) == (std == STD[name](*args, **kwargs))
    assert (type(ours).__hash__ is None) == (type(std).__hash__ is None)
    if type(std).__hash__ is not None:
        assert hash(ours) == hash(std)  # the same tuple hash: set iteration orders do not change
    assert (ours != object()) == (std != object())


def test_fields_left_out_of_comparison():
    a, b = OURS["Noted"](1, "here"), OURS["Noted"](1, "there")
    assert a == b and hash(a) == hash(b) and repr(a).endswith("Noted(x=1)")
    assert STD["Noted"](1, "here") == STD["Noted"](1, "there")


def test_defaults_are_fresh_and_class_attributes_stay():
    a, b = OURS["Plain"](1), OURS["Plain"](2)
    a.y.append(1)
    assert b.y == [] and OURS["Plain"].z is None and OURS["Plain"].k == 3
    assert not hasattr(OURS["Plain"], "y") and not hasattr(STD["Plain"], "y")
    with pytest.raises(TypeError):
        OURS["Plain"]()  # x is required


def test_frozen_and_slots():
    f = OURS["Frozen"](1)
    with pytest.raises(record.FrozenInstanceError):
        f.x = 2
    with pytest.raises(AttributeError):
        del f.x
    s = OURS["Slotted"](1)
    assert not hasattr(s, "__dict__") and s.y == 2
    s.y = 3
    with pytest.raises(AttributeError):
        s.other = 1
    fs = OURS["FrozenSlots"](4)
    with pytest.raises(AttributeError):
        fs.x = 1
    assert pickle.loads(pickle.dumps(PICKLED)) == PICKLED and PICKLED.x == 4


@record.dataclass(frozen=True, slots=True)
class FrozenSlotted:
    x: int
    y: int = 2


PICKLED = FrozenSlotted(4)


def test_pickles_like_a_module_level_class():
    from aslint.core.finding import Diagnostic, Finding

    f = Finding("/States/A", "message", related=[("/States/B", "here")])
    assert pickle.loads(pickle.dumps(f)) == f
    d = Diagnostic("ASL001", "error", "m", "f.json", 1, 2, 1, 3, "")
    assert pickle.loads(pickle.dumps(d)) == d


LAUNCHES = {  # what runs before aslint starts, and how it is started
    # the `aslint` console script pip writes: import the entry point, call it
    "console script": ("", "from aslint.cli import main\n    main(sys.argv[1:])"),
    # `python -m aslint` (the program ends its process with os._exit once its output is out:
    # made a no-op here, so the modules can be listed after the run)
    "python -m": ("import os, runpy\nos._exit = lambda code: None", "runpy.run_module('aslint', run_name='__main__')"),
}


@pytest.mark.parametrize("launch", sorted(LAUNCHES))
def test_a_check_run_imports_no_dataclasses_inspect_or_typing(tmp_path, launch):
    """Start-up stays lean: a whole `aslint check` of a definition imports none of these (records
    come from aslint.core.record; annotations are strings, so typing is not needed; paths are
    strings; argparse's formatter is given the width; a JSON file and the rule docs need no YAML). What counts is
    what aslint imports: on Python 3.9 runpy itself imports typing (through importlib.util), so a
    module the launcher loaded before aslint started is not aslint's; the console script loads none."""
    import json
    import subprocess
    import sys

    (tmp_path / "d.asl.json").write_text(json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}}))
    watched = ("dataclasses", "inspect", "typing", "pathlib", "shutil", "yaml")
    prelude, start = LAUNCHES[launch]
    code = (f"import sys\nsys.argv = ['aslint', 'check', '--exit-zero', '--isolated', 'd.asl.json']\n{prelude}\n"
            f"before = set(sys.modules)\n"
            f"try:\n    {start}\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {watched!r} if m in sys.modules and m not in before))\n"
            f"print(sorted(m for m in {watched!r} if m in before))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    *_, imported, preloaded = out.strip().splitlines()
    assert imported == "[]"
    if launch == "console script":
        assert preloaded == "[]"
