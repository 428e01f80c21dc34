"""One bad file never loses the others; the report is written whole, escaped, bounded."""

import io
import json
import os
import signal
import subprocess
import sys

import pytest

from aslint.cli import main
from aslint.core import engine
from aslint.core.engine import RuleSet, Target, run
from aslint.core.settings import Settings

GOOD = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}'
BAD = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}'


def _files(tmp_path, n=11):
    paths = []
    for i in range(n):
        p = tmp_path / f"f{i:02d}.asl.json"
        p.write_text(BAD)
        paths.append(str(p))
    victim = tmp_path / "victim.asl.json"
    victim.write_text(BAD)
    return paths, str(victim)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_memory_error_in_one_file_is_that_files_diagnostic(tmp_path, monkeypatch, jobs):
    paths, victim = _files(tmp_path)
    real = engine._lint_file

    def flaky(path, *a, **k):
        if path == victim:
            raise MemoryError()
        return real(path, *a, **k)

    monkeypatch.setattr(engine, "_lint_file", flaky)
    results = run([Target(p) for p in paths + [victim]], RuleSet(Settings()), jobs=jobs)
    by_path = {r.path: [d.code for d in r.diagnostics] for r in results}
    assert by_path[victim] == ["ASL000"]
    assert all(by_path[p] == ["ASL201"] for p in paths)
    assert "out of memory" in next(r for r in results if r.path == victim).diagnostics[0].message


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_worker_killed_mid_run_fails_its_file_and_the_run_ends(tmp_path, monkeypatch):
    paths, victim = _files(tmp_path)
    real = engine._lint_file

    def killer(path, *a, **k):
        if path == victim:
            os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer does
        return real(path, *a, **k)

    monkeypatch.setattr(engine, "_lint_file", killer)
    results = run([Target(p) for p in paths + [victim]], RuleSet(Settings()), jobs=2)
    by_path = {r.path: r for r in results}
    assert [d.code for d in by_path[victim].diagnostics] == ["ASL000"]
    assert "died (killed by signal 9" in by_path[victim].diagnostics[0].message
    assert all([d.code for d in by_path[p].diagnostics] == ["ASL201"] for p in paths)


def test_jobs_are_capped(tmp_path, monkeypatch):
    paths, _ = _files(tmp_path)
    seen = []
    monkeypatch.setattr(engine, "_parallel", lambda targets, ruleset, jobs, keep: seen.append(jobs) or [])
    run([Target(p) for p in paths], RuleSet(Settings()), jobs=100_000)
    assert seen and seen[0] <= min(len(paths), engine.MAX_JOBS_PER_CORE * (os.cpu_count() or 1))


def test_standard_input_is_read_up_to_the_cap_only(monkeypatch, capsys):
    from aslint.core.loader import MAX_BYTES

    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    code = main(["check", "--isolated", "--format", "json", "--stdin-filename", "flow.asl.json", "-"])
    report = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in report["diagnostics"]] == ["ASL003"] and "MiB" in report["diagnostics"][0]["message"]
    assert MAX_BYTES // 1048576 == 10


def test_output_file_is_replaced_whole_or_not_at_all(tmp_path, capsys, monkeypatch):
    (tmp_path / "d.asl.json").write_text(BAD)
    report = tmp_path / "report.json"
    report.write_text("previous report\n")
    from aslint import output

    real = output.render

    def broken(fmt, rep):
        raise MemoryError()

    monkeypatch.setattr(output, "render", broken)
    main(["check", "--isolated", "--format", "json", "-o", str(report), str(tmp_path / "d.asl.json")])
    assert report.read_text() == "previous report\n"
    monkeypatch.setattr(output, "render", real)
    assert main(["check", "--isolated", "--format", "json", "-o", str(report), str(tmp_path / "d.asl.json")]) == 1
    assert json.loads(report.read_text())["diagnostics"][0]["code"] == "ASL201"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.asl.json", "report.json"]
    capsys.readouterr()


FORGED = "A\n::error file=x.py,line=1::forged\x1b]0;title\x07\x1b[2J\u202e"


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
def test_names_and_messages_cannot_forge_output(tmp_path, fmt):
    definition = json.dumps({"StartAt": FORGED, "States": {FORGED: {"Type": "Pass", "Next": "\ud800"}}})
    (tmp_path / "d.asl.json").write_text(definition, encoding="utf-8", errors="surrogatepass")
    name = os.fsencode(str(tmp_path / "d.asl.json"))
    odd = tmp_path.joinpath(os.fsdecode(b"caf\xe9.asl.json"))
    os.rename(tmp_path / "d.asl.json", odd)
    proc = subprocess.run([sys.executable, "-m", "aslint", "check", "--isolated", "--format", fmt, str(tmp_path)],
                          capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    out = proc.stdout.decode("utf-8")  # the report is valid UTF-8, written whole
    assert proc.returncode == 1, proc.stderr
    assert "\x1b" not in out and "\x07" not in out
    assert not any(line.startswith("::error file=x.py") for line in out.splitlines())
    if fmt == "json":  # data stays data: JSON escapes (the file name's byte as \udce9)
        text = json.dumps(json.loads(out))
        assert "caf\\udce9.asl.json" in text and "\\u001b]0;title" in text
    elif fmt == "sarif":  # a SARIF location is a URI: the name's raw byte percent-encoded
        text = json.dumps(json.loads(out))
        assert "caf%E9.asl.json" in text and "\\u001b]0;title" in text
    else:  # shown escaped, on one line per finding
        assert "\u202e" not in out and "caf\\udce9.asl.json" in out and "\\x1b]0;title\\x07" in out
        assert len([line for line in out.splitlines() if "ASL201" in line]) == 1
    assert name  # the name given on disk was not UTF-8
