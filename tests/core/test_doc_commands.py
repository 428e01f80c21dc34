"""Every ``aslint …`` command line in the README, docs/ and ``--help`` runs, in a fixture folder
with the files it names, and none exits 2 (usage or configuration error) or fails internally.

Placeholders (DEF, POLICY.json, CODE…) are filled in; ``a|b|c`` alternatives run each one; a
command piped from ``cat FILE`` reads that file on standard input. A new placeholder makes the
extraction test fail until it is added to PLACEHOLDERS below.
"""

import io
import json
import os
import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from aslint.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "examples" / "README.md"]
PLACEHOLDERS = {"DEFINITION": "main.asl.json", "DEF": "main.asl.json", "POLICY.json": "policy.json",
                "CODE": "ASL002", "FILE": "main.asl.json", "A": "123456789012", "R": "us-east-1"}
GOOD = {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}}
POLICY = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "states:StartExecution", "Resource": "*"}]}
_FENCE = re.compile(r"^\s*```")
_INLINE = re.compile(r"`(aslint [^`]+)`")
_COMMENT = re.compile(r"\s{2,}#.*$")


def _help_texts():
    parser = build_parser()
    texts = [("aslint --help", parser.format_help())]
    for name, sub in parser._subparsers._group_actions[0].choices.items():
        texts.append((f"aslint {name} --help", sub.format_help()))
    return texts


#: commands that start a long-running process rather than a run: the editor starts `aslint lsp`
#: and speaks LSP to it over stdin (tests/lsp drives it that way)
SERVERS = ("aslint lsp",)


def commands():
    """(where, command line) for every aslint command line the documentation shows."""
    found = []
    for path in SOURCES:
        if not path.is_file():
            continue
        fenced = False
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{n}"
            if _FENCE.match(line):
                fenced = not fenced
                continue
            if fenced:
                text = re.sub(r"^\s*(\$ |- run: |run: )", "", line.strip())
                text = _COMMENT.sub("", text)
                if text.startswith("aslint ") or text == "aslint" or " | aslint " in text or "&& aslint " in text:
                    found.append((where, text.split("&& ")[-1] if "&& aslint " in text else text))
            else:
                for m in _INLINE.finditer(line):
                    found.append((where, m.group(1)))
    for where, text in _help_texts():
        for line in text.splitlines():
            if line.strip().startswith("aslint ") or " | aslint " in line:
                found.append((where, _COMMENT.sub("", line.strip())))
    return [(w, c) for w, c in found if not any(c == s or c.startswith(s + " ") for s in SERVERS)]


def _expand(tokens):
    """Alternatives written a|b|c inside one token become one command each."""
    for i, tok in enumerate(tokens):
        if "|" in tok and tok != "|":
            out = []
            for alt in tok.split("|"):
                out.extend(_expand(tokens[:i] + [alt] + tokens[i + 1:]))
            return out
    return [tokens]


def _valued_options():
    parser = build_parser()
    valued = set()
    for sub in parser._subparsers._group_actions[0].choices.values():
        for action in sub._actions:
            if action.option_strings and action.nargs != 0:
                valued.update(action.option_strings)
    return valued


VALUED = _valued_options()


def _write(folder: Path, rel: str, what: str):
    rel = rel.replace("**/", "x/").replace("*", "t").replace("?", "t")
    target = folder / rel
    if rel.endswith("/") or (not Path(rel).suffix and not target.exists()):
        target.mkdir(parents=True, exist_ok=True)
        target = target / "main.asl.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        return
    body = POLICY if what == "policy" else GOOD
    if target.suffix in (".yaml", ".yml"):
        import yaml

        target.write_text(yaml.safe_dump(body))
    else:
        target.write_text(json.dumps(body, indent=2))


def prepare(folder: Path, line: str):
    """The argv (after 'aslint') and the stdin bytes for one documented command, with its files."""
    for name, value in PLACEHOLDERS.items():
        line = re.sub(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", value, line)
    line = line.replace("[", "").replace("]", "") if "[--" in line else line
    tokens = shlex.split(line)
    stdin = b""
    if "|" in tokens:
        cut = tokens.index("|")
        before, after = tokens[:cut], tokens[cut + 1:]
        if before[:1] == ["aslint"]:
            tokens = before  # `aslint rules | grep IAM`: the aslint part
        else:
            assert before[0] == "cat", line
            _write(folder, before[1], "definition")
            stdin = (folder / before[1]).read_bytes()
            tokens = after
            if "|" in tokens:
                tokens = tokens[:tokens.index("|")]
    assert tokens[0] == "aslint", line
    argv = tokens[1:]
    command = argv[0] if argv and not argv[0].startswith("-") else None
    i = 1
    while i < len(argv):
        tok = argv[i]
        if tok in VALUED:
            value = argv[i + 1] if i + 1 < len(argv) else ""
            if tok == "--role-policy":
                _write(folder, value, "policy")
            elif tok == "--config":
                (folder / value).write_text("[tool.aslint]\n")
            i += 2
            continue
        if not tok.startswith("-") and command in ("check", "policy") and tok != "-":
            _write(folder, tok, "definition")
        i += 1
    return argv, stdin


def test_the_documentation_shows_commands_and_no_unknown_placeholder():
    found = commands()
    assert len(found) >= 15, found
    for where, line in found:
        leftover = re.findall(r"(?<![\w.-])[A-Z]{2,}(?:\.json)?(?![\w-])", line.split("#")[0])
        leftover = [w for w in leftover if w not in PLACEHOLDERS and not re.fullmatch(r"[A-Z]{2,5}\d*", w)]
        assert not leftover, f"{where}: {line!r} has placeholders {leftover}; add them to PLACEHOLDERS"


@pytest.mark.parametrize("where,line", commands(), ids=[f"{w} {l}" for w, l in commands()])
def test_documented_command_runs(where, line, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "project"
    shutil.copytree(ROOT / "examples", folder / "examples")
    (folder / "main.asl.json").write_text(json.dumps(GOOD, indent=2))
    # the README's custom rules, configured as the README says (commands may name ORG001)
    rules = re.findall(r"```yaml\n(# aslint-rules\.yaml.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    if rules:
        (folder / "aslint-rules.yaml").write_text(rules[0])
        (folder / ".aslint.yaml").write_text("extra-rules: [aslint-rules.yaml]\n")
    for key in [k for k in os.environ if k.startswith("GITHUB_")]:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(folder)
    for variant in _expand(shlex.split(line)):
        text = shlex.join(variant)
        argv, stdin = prepare(folder, text)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        try:
            code = main(argv)
        except SystemExit as exit_:  # --help
            code = exit_.code or 0
        out, err = capsys.readouterr()
        assert code != 2, f"{where}: `{text}` exited 2: {err.strip()}"
        assert "internal error" not in out + err, f"{where}: `{text}`: {err}"


def _config_blocks():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```toml\n(\[tool\.aslint\].*?)```", text, re.S)


def test_the_readme_configuration_example_is_valid():
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        import tomli as tomllib
    from aslint.catalog import ruledocs
    from aslint.core import config
    from aslint.core.engine import CORE_CODES
    from aslint.core.settings import Settings

    blocks = _config_blocks()
    assert blocks
    known = set(ruledocs.catalog()) | set(CORE_CODES) | {"ORG001"}  # ORG001: the README's own rule
    for block in blocks:
        raw = tomllib.loads(block)["tool"]["aslint"]
        settings = config.apply(Settings(), raw, "README.md", str(ROOT))
        config.validate_codes(settings, known, "README.md")
