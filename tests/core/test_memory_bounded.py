"""A run's memory is bounded by its findings, not by the number of files it reads: a linted file
keeps its parsed documents only while a project rule may use them, and their reference cycles are
freed file by file even with the cyclic collector off (as a command-line run has it)."""

import gc
import json

import pytest

from aslint.core.document import Document
from aslint.core.engine import RuleSet, Target, run
from aslint.core.settings import Settings

DEFINITION = {
    "StartAt": "Create",
    "States": {
        "Create": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
                   "Parameters": {"Name": "c", "RoleArn": "arn:aws:iam::123456789012:role/r",
                                  "ResourcesVpcConfig": {"SubnetIds": ["subnet-1"]}},
                   "Next": "Delete"},
        "Delete": {"Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster.sync",
                   "Parameters": {"Name": "c"}, "End": True},
    },
}
AWS_AUTH = """apiVersion: v1
kind: ConfigMap
metadata: {name: aws-auth, namespace: kube-system}
data:
  mapRoles: |
    - rolearn: arn:aws:iam::123456789012:role/nodes
      username: system:node:{{EC2PrivateDNSName}}
      groups: [system:bootstrappers, system:nodes]
"""


def _live_documents() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, Document))


@pytest.fixture
def collector_off():
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    yield
    if was:
        gc.enable()


def _definitions(tmp_path, count):
    for i in range(count):
        (tmp_path / f"m{i:03}.asl.json").write_text(json.dumps(DEFINITION), encoding="utf-8")
    return [Target(str(p), True) for p in sorted(tmp_path.glob("*.asl.json"))]


def test_documents_of_checked_files_do_not_pile_up(tmp_path, collector_off):
    targets = _definitions(tmp_path, 60)
    before = _live_documents()
    results = run(targets, RuleSet(Settings()), jobs=1)
    assert len(results) == 60 and all(r.recognized for r in results)
    assert any(r.diagnostics for r in results)  # the files were really linted
    assert all(r.documents == [] for r in results)
    # a file's documents are gone once it is linted: what is left does not grow with the files
    assert _live_documents() - before < 10


def test_a_file_a_project_rule_may_use_keeps_its_documents(tmp_path, collector_off):
    targets = _definitions(tmp_path, 3)
    (tmp_path / "aws-auth.yaml").write_text(AWS_AUTH, encoding="utf-8")
    targets.append(Target(str(tmp_path / "aws-auth.yaml"), True))
    results = run(targets, RuleSet(Settings()), jobs=1)
    kept = {r.path.rsplit("/", 1)[-1]: bool(r.documents) for r in results}
    assert kept["aws-auth.yaml"] is True
    assert not any(v for k, v in kept.items() if k != "aws-auth.yaml")
