"""Hostile inputs: each gets a clear diagnostic or is skipped, the run goes on, never a traceback."""

import json
import os
import subprocess
import sys

import pytest

from aslint.cli import main

GOOD = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}'


def check(paths, capsys, *extra):
    code = main(["check", "--format", "json", *extra, *paths])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, json.loads(out), err


def by_file(report):
    found = {}
    for d in report["diagnostics"]:
        found.setdefault(os.path.basename(d["file"]), []).append(d["code"])
    return found


def test_bad_files_side_by_side_with_a_good_one(tmp_path, capsys):
    (tmp_path / "good.asl.json").write_text(GOOD)
    (tmp_path / "latin1.asl.json").write_bytes('{"Comment": "caf\xe9"}'.encode("latin-1"))
    (tmp_path / "binary.asl.json").write_bytes(b"\x00\x01\x02{}")
    (tmp_path / "empty.asl.json").write_text("")
    (tmp_path / "deep.asl.json").write_text("[" * 10000 + "]" * 10000)
    (tmp_path / "nan.asl.json").write_text('{"StartAt": "A", "States": {}, "TimeoutSeconds": NaN}')
    (tmp_path / "x.json").mkdir()  # a directory with a definition's name
    (tmp_path / "broken-link.asl.json").symlink_to(tmp_path / "nowhere.json")
    paths = sorted(str(p) for p in tmp_path.iterdir())
    code, report, err = check(paths, capsys)
    found = by_file(report)
    assert code == 1
    assert "good.asl.json" not in found
    assert found["latin1.asl.json"] == ["ASL003"]
    assert found["binary.asl.json"] == ["ASL003"]
    assert found["empty.asl.json"] == ["ASL001"]
    assert found["deep.asl.json"] == ["ASL001"]
    assert found["nan.asl.json"] == ["ASL001"]
    assert found["x.json"] == ["ASL003"]
    assert found["broken-link.asl.json"] == ["ASL003"]


def test_large_file_is_refused_with_a_message(tmp_path, capsys):
    big = tmp_path / "big.asl.json"
    with open(big, "w") as handle:
        handle.write('{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}, "Comment": "')
        handle.write("x" * (50 * 1024 * 1024))
        handle.write('"}')
    code, report, _ = check([str(big)], capsys)
    (d,) = report["diagnostics"]
    assert d["code"] == "ASL003" and "MiB" in d["message"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_not_read(tmp_path, capsys):
    fifo = tmp_path / "pipe.asl.json"
    os.mkfifo(fifo)
    code, report, _ = check([str(fifo)], capsys)
    assert [d["code"] for d in report["diagnostics"]] == ["ASL003"]


def test_symlink_loop_in_a_directory_walk(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "d.asl.json").write_text(GOOD)
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    code, report, _ = check([str(tmp_path)], capsys)
    assert code == 0 and report["files"] == 1


def test_path_with_spaces_and_unicode(tmp_path, capsys):
    folder = tmp_path / "my flows \u00e9t\u00e9"
    folder.mkdir()
    (folder / "d\u00e9f.asl.json").write_text('{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "A": {"Type": "Succeed"}}}')
    code, report, _ = check([str(folder)], capsys)
    assert code == 1 and report["diagnostics"][0]["file"].endswith("d\u00e9f.asl.json")


def test_yaml_billion_laughs(tmp_path, capsys):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    (tmp_path / "bomb.asl.yaml").write_text("\n".join(lines) + "\n")
    code, report, _ = check([str(tmp_path / "bomb.asl.yaml")], capsys)
    assert [d["code"] for d in report["diagnostics"]] == ["ASL001"]


def test_yaml_python_tags_are_never_executed(tmp_path, capsys):
    marker = tmp_path / "pwned"
    (tmp_path / "evil.asl.yaml").write_text(
        f"StartAt: A\nStates:\n  A: !!python/object/apply:os.system ['touch {marker}']\n")
    check([str(tmp_path / "evil.asl.yaml")], capsys)
    assert not marker.exists()


def test_bom_is_accepted(tmp_path, capsys):
    (tmp_path / "bom.asl.json").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    code, report, _ = check([str(tmp_path / "bom.asl.json")], capsys)
    assert code == 0 and report["files"] == 1


def test_yaml_recursive_alias(tmp_path, capsys):
    (tmp_path / "loop.asl.yaml").write_text("a: &x\n  b: *x\n")
    code, report, _ = check([str(tmp_path / "loop.asl.yaml")], capsys)
    assert [d["code"] for d in report["diagnostics"]] == ["ASL001"]
