"""The in-memory API: no file is written, results equal the command line's, a workspace overrides the disk."""

import json
import os
import tempfile

import pytest

from aslint.api import lint_text, lint_texts
from aslint.cli import main

BROKEN = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}'
TEMPLATE = ("Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n"
            "    Properties:\n      DefinitionUri: statemachine/machine.asl.json\n")


def _cli_json(paths, capsys) -> list:
    main(["check", "--isolated", "--format", "json", *paths])
    return json.loads(capsys.readouterr().out)["diagnostics"]


def _row(d) -> dict:
    return {k: v for k, v in d.as_json().items()}


def test_no_temporary_file_is_written(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the API must not write temporary files")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    monkeypatch.setattr(tempfile, "TemporaryDirectory", refuse)
    diags = lint_text(BROKEN, "m.asl.json")
    assert [d.code for d in diags] == ["ASL201"]


def test_same_results_as_the_command_line(tmp_path, capsys, monkeypatch):
    (tmp_path / "statemachine").mkdir()
    (tmp_path / "statemachine" / "machine.asl.json").write_text(BROKEN)
    (tmp_path / "template.yaml").write_text(TEMPLATE)
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    (tmp_path / "own.asl.json").write_text(BROKEN)
    (tmp_path / "own.policy.json").write_text(json.dumps(policy))
    monkeypatch.chdir(tmp_path)
    names = ["template.yaml", "own.asl.json", "own.policy.json"]
    cli = _cli_json(names, capsys)
    texts = {n: (tmp_path / n).read_text() for n in names}
    api = lint_texts(texts, workspace={"statemachine/machine.asl.json": BROKEN})
    mine = [_row(d) for n in names for d in api[n]]
    assert cli and sorted(mine, key=str) == sorted(cli, key=str)


def test_workspace_overrides_the_disk(tmp_path, monkeypatch):
    (tmp_path / "statemachine").mkdir()
    (tmp_path / "statemachine" / "machine.asl.json").write_text(BROKEN)
    monkeypatch.chdir(tmp_path)
    from_disk = lint_text(TEMPLATE, "template.yaml", disk=True)
    assert any(d.code == "ASL201" for d in from_disk)
    fixed = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}'
    from_buffer = lint_text(TEMPLATE, "template.yaml", disk=True, workspace={"statemachine/machine.asl.json": fixed})
    assert not any(d.code == "ASL201" for d in from_buffer)


def test_without_disk_only_the_given_texts_exist(tmp_path, monkeypatch):
    (tmp_path / "statemachine").mkdir()
    (tmp_path / "statemachine" / "machine.asl.json").write_text(BROKEN)
    monkeypatch.chdir(tmp_path)
    assert [d.code for d in lint_text(TEMPLATE, "template.yaml")] == ["TPL002"]


def test_files_feed_cross_file_rules_but_only_the_main_file_is_returned():
    policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})
    task = {"StartAt": "C", "States": {"C": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster",
                                             "Parameters": {"Name": "c", "RoleArn": "arn:aws:iam::111122223333:role/r",
                                                            "ResourcesVpcConfig": {"SubnetIds": ["subnet-1", "subnet-2"]}},
                                             "End": True}}}
    alone = lint_text(json.dumps(task), "m.asl.json", select=["IAM001"])
    paired = lint_text(json.dumps(task), "m.asl.json", select=["IAM001"], files={"m.policy.json": policy})
    assert not alone and paired and all(d.file == "m.asl.json" for d in paired)


@pytest.mark.parametrize("name", ["-", "buffer.asl.json"])
def test_a_text_never_read_from_disk(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert not os.path.exists(name)
    assert [d.code for d in lint_text(BROKEN, "buffer.asl.json")] == ["ASL201"]
