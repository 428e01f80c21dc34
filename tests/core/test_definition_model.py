"""One definition model: the integrations table is data every family reads, and one Resource
parser makes every family see a task alike (``arn:${Partition}:`` as ``arn:aws:``)."""

import json
from pathlib import Path

import jsonschema
import pytest

from aslint.api import lint_text
from aslint.asl import integrations
from aslint.asl.resource import parse
from aslint.core.pointer import resolve
from aslint.core.resources import data_dir, schema

SCHEMAS = Path(data_dir("schemas"))


def test_the_table_follows_its_schema():
    jsonschema.validate(integrations.table(), schema("integrations.schema.json"))


def test_every_eks_entry_points_at_what_exists():
    needs = schema("iam/needs.json")
    for api, entry in integrations.table()["eks"].items():
        assert (SCHEMAS / entry["parameter_schema"]).is_file(), api
        file, pointer = entry["iam_needs"].split("#", 1)
        assert file == "iam/needs.json" and resolve(needs, pointer) is not None, api
        assert set(entry["result_shape"]) == set(entry["patterns"]), api
        assert entry["resource"] == f"arn:aws:states:::eks:{api}"


def test_the_eks_family_reads_its_apis_from_the_table():
    from aslint.eks.tasks import KNOWN_APIS

    assert KNOWN_APIS == {api: tuple(integrations.PATTERN_SUFFIX[p] for p in e["patterns"])
                          for api, e in integrations.table()["eks"].items()}
    assert KNOWN_APIS["call"] == ("",) and KNOWN_APIS["runJob"] == ("", ".sync")


def test_asl240_reads_the_patterns_from_the_table():
    from aslint.asl.rules.asl240_invalid_task_resource import problem

    assert "dynamodb" in integrations.optimized_services() and "dynamodb" not in integrations.services_with("sync")
    assert problem("arn:aws:states:::dynamodb:putItem.sync")[-1] is True  # (message, hint, certain)
    assert problem("arn:aws:states:::glue:startJobRun.sync") is None


@pytest.mark.parametrize("text, kind, service, api, pattern", [
    ("arn:aws:states:::eks:call", "integration", "eks", "call", ""),
    ("arn:${Partition}:states:::eks:call", "integration", "eks", "call", ""),
    ("arn:${AWS::Partition}:states:::eks:runJob.sync", "integration", "eks", "runJob", ".sync"),
    ("arn:aws-cn:states:::states:startExecution.sync:2", "integration", "states", "startExecution", ".sync:2"),
    ("arn:aws:states:::aws-sdk:eks:describeCluster", "sdk", "eks", "describeCluster", ""),
    ("arn:aws:states:us-east-1:111122223333:activity:work", "activity", "activity", "work", ""),
    ("arn:aws:lambda:us-east-1:111122223333:function:f", "lambda", "lambda", "us-east-1:111122223333:function:f", ""),
    ("arn:aws:states:::lambda:", "other", "lambda", "", ""),
])
def test_one_resource_parser(text, kind, service, api, pattern):
    r = parse(text)
    assert (r.kind, r.service, r.api, r.pattern) == (kind, service, api, pattern)


def test_not_an_arn_is_none():
    assert parse("MyFunction") is None and parse(None) is None and parse(3) is None


def _call(resource: str) -> str:
    body = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "aws-auth", "namespace": "kube-system"},
            "data": {"mapRoles": "- rolearn: arn:aws:iam::111122223333:role/service-role/Runner\n"
                                 "  username: runner\n  groups: [runners]\n"}}
    state = {"Type": "Task", "Resource": resource, "End": True,
             "Parameters": {"ClusterName": "c", "CertificateAuthority": "Zm9v", "Endpoint": "https://x.example.com",
                            "Method": "PUT", "Path": "/api/v1/namespaces/kube-system/configmaps/aws-auth",
                            "RequestBody": body}}
    return json.dumps({"StartAt": "Map", "States": {"Map": state}}, indent=1)


def _findings(resource: str) -> list:
    return sorted((d.code, d.line, d.column, d.pointer, d.state) for d in lint_text(_call(resource), "m.asl.json", select=["AUTH"]))


@pytest.mark.parametrize("partition", ["${Partition}", "${AWS::Partition}", "aws-us-gov"])
def test_every_partition_form_gets_the_same_auth_findings(partition):
    plain = _findings("arn:aws:states:::eks:call")
    assert any(code == "AUTH001" for code, *_ in plain)
    assert _findings(f"arn:{partition}:states:::eks:call") == plain


def test_one_transition_function():
    from aslint.asl.model import model, successors, transitions

    data = {"StartAt": "C", "States": {
        "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": True, "Next": "T", "Assign": {"a": 1}}],
              "Default": "P"},
        "T": {"Type": "Task", "Resource": "arn:aws:states:::eks:call", "Next": "P",
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}]},
        "P": {"Type": "Parallel", "End": True, "Branches": [{"StartAt": "In", "States": {"In": {"Type": "Succeed"}}}]},
        "F": {"Type": "Fail"}}}

    class Doc:
        cache: dict = {}

    doc = Doc()
    doc.data = data
    refs = {r.name: r for r in model(doc).states}
    kinds = [(t.kind, t.target, t.pointer) for t in transitions(refs["C"])]
    assert kinds == [("Default", "P", "/States/C/Default"), ("Choice", "T", "/States/C/Choices/0/Next")]
    assert transitions(refs["C"])[1].via["Assign"] == {"a": 1}
    assert successors(refs["T"]) == ["P", "F"] and successors(refs["P"]) == [] and successors(refs["F"]) == []


def test_every_family_uses_the_one_transition_function():
    import aslint.auth.calls
    import aslint.eks.flow
    from aslint.asl import model

    assert aslint.auth.calls.successors is model.successors and aslint.eks.flow.successors is model.successors


@pytest.mark.parametrize("value, dynamic", [
    ("{% $states.input.name %}", True), ("  {% $x %}", True), ("${ClusterName}", True),
    ("{{resolve:ssm:/x}}", True), ({"Ref": "Cluster"}, True), ({"Fn::GetAtt": ["R", "Arn"]}, True),
    ("demo", False), ({"Name": "x"}, False), (3, False), ("$.name", False)])
def test_one_dynamic_value_test(value, dynamic):
    from aslint.asl.dynamic import is_dynamic

    assert is_dynamic(value) is dynamic


def test_every_family_uses_the_one_dynamic_test():
    from aslint.asl import dynamic, jsonata, structure
    from aslint.auth import arn
    from aslint.eks import tasks, values

    assert structure.is_dynamic is dynamic.is_dynamic and arn.is_dynamic is dynamic.is_dynamic
    assert jsonata.is_expression is dynamic.is_expression and tasks.is_expression is dynamic.is_expression
    assert values.is_placeholder is dynamic.has_placeholder


def test_a_dynamic_field():
    from aslint.asl.dynamic import is_dynamic_field

    assert is_dynamic_field({"Name.$": "$.n"}, "Name", False)
    assert not is_dynamic_field({"Name.$": "$.n", "Name": "x"}, "Name", False)
    assert is_dynamic_field({"Name": "{% $n %}"}, "Name", True) and not is_dynamic_field({"Name": "n"}, "Name", True)


def test_document_facts_are_declared_and_typed():
    from aslint.core.document import Document
    from aslint.core.facts import Facts

    doc = Document("m.asl.json", "{}", "json", {}, context={"role_arn": "arn:aws:iam::111122223333:role/r"})
    assert isinstance(doc.context, Facts) and doc.context.get("role_arn").endswith("role/r")
    with pytest.raises(KeyError):
        doc.context["role_polices"] = []  # a misspelt fact is an error, not a silent dead key
    with pytest.raises(TypeError):
        doc.context["role_policies"] = "policy.json"
    doc.context = dict(doc.context, partial=True)
    assert doc.context.get("partial") is True and "role_arn" in doc.context
    assert doc.origin_pointer is None and doc.parent is None
