"""The EKS task recognizer shared by the EKS, PAY, LCY and IAM families."""

import json

import pytest

from aslint.core.document import Document
from aslint.eks.tasks import eks_tasks, parse_resource


def _doc(data):
    return Document("x.asl.json", json.dumps(data), "json", data)


@pytest.mark.parametrize("resource,expected", [
    ("arn:aws:states:::eks:runJob.sync", ("runJob", ".sync")),
    ("arn:aws:states:::eks:call", ("call", "")),
    ("arn:${AWS::Partition}:states:::eks:createCluster.sync", ("createCluster", ".sync")),
    ("arn:aws-cn:states:::eks:deleteNodegroup", ("deleteNodegroup", "")),
    ("arn:aws-us-gov:states:::eks:call.waitForTaskToken", ("call", ".waitForTaskToken")),
    ("arn:aws:states:::eks:describeCluster", ("describeCluster", "")),
    ("arn:aws:states:::lambda:invoke", None),
    ("arn:aws:states:::aws-sdk:eks:describeCluster", None),
    (42, None),
])
def test_parse_resource(resource, expected):
    assert parse_resource(resource) == expected


def test_tasks_in_both_query_languages_and_nested():
    data = {"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:states:::eks:call",
              "Parameters": {"ClusterName": "c", "Endpoint.$": "$.e", "Method": "GET"}, "Next": "M"},
        "M": {"Type": "Map", "ItemProcessor": {"StartAt": "B", "States": {
            "B": {"Type": "Task", "QueryLanguage": "JSONata", "Resource": "arn:aws:states:::eks:runJob.sync",
                  "Arguments": {"ClusterName": "{% $states.input.c %}", "Namespace": "ns"}, "End": True}}},
              "End": True},
        "S": "not a state",
        "L": {"Type": "Task", "Resource": "arn:aws:states:::eks:call", "Parameters": ["a list"], "End": True},
    }}
    tasks = eks_tasks(_doc(data))
    assert [(t.ref.name, t.api, t.pattern, t.query_language) for t in tasks] == [
        ("A", "call", "", "JSONPath"), ("L", "call", "", "JSONPath"), ("B", "runJob", ".sync", "JSONata")]
    a, broken, b = tasks
    assert a.literal("ClusterName") == "c" and not a.is_dynamic("ClusterName")
    assert a.is_dynamic("Endpoint") and a.has("Endpoint") and a.literal("Endpoint") is None
    assert a.pointer("Endpoint") == "/States/A/Parameters/Endpoint.$"
    assert not a.has("Path") and a.pointer("Path") == "/States/A/Parameters/Path"
    assert broken.params is None and not broken.has("ClusterName")
    assert b.is_dynamic("ClusterName") and b.literal("ClusterName") is None and b.literal("Namespace") == "ns"
    assert b.params_pointer == "/States/M/ItemProcessor/States/B/Arguments"
    assert not b.has("Namespace.$")


def test_cached_per_document():
    doc = _doc({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}})
    assert eks_tasks(doc) is eks_tasks(doc) and doc.cache["eks.tasks"] == []
