"""ASL230-ASL232 (Map) and ASL240 (Task Resource)."""

from __future__ import annotations

import pytest

from tests.asl_structure.helpers import found, lint, machine, task

PROCESSOR = {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}}


def test_asl230_iterator_is_info():
    diags = found(machine({"M": {"Type": "Map", "Iterator": PROCESSOR, "End": True}}), "ASL230")
    assert len(diags) == 1 and diags[0].severity == "info" and diags[0].pointer == "/States/M/Iterator"
    assert not found(machine({"M": {"Type": "Map", "ItemProcessor": PROCESSOR, "End": True}}), "ASL230")


def test_asl231_parameters_is_info():
    diags = found(machine({"M": {"Type": "Map", "Parameters": {"v.$": "$$.Map.Item.Value"}, "ItemProcessor": PROCESSOR, "End": True}}), "ASL231")
    assert len(diags) == 1 and diags[0].severity == "info"
    assert not found(machine({"M": {"Type": "Map", "ItemSelector": {"v.$": "$$.Map.Item.Value"}, "ItemProcessor": PROCESSOR, "End": True}}), "ASL231")


def test_asl232_distributed_without_execution_type():
    proc = {**PROCESSOR, "ProcessorConfig": {"Mode": "DISTRIBUTED"}}
    diags = found(machine({"M": {"Type": "Map", "ItemProcessor": proc, "End": True}}), "ASL232")
    assert len(diags) == 1 and diags[0].severity == "warning"
    proc["ProcessorConfig"]["ExecutionType"] = "STANDARD"
    assert not found(machine({"M": {"Type": "Map", "ItemProcessor": proc, "End": True}}), "ASL232")


@pytest.mark.parametrize("key", ["ItemProcessor", "Iterator"])
def test_processor_config_in_item_processor_or_legacy_iterator(key):
    # AWS accepts and runs a ProcessorConfig in the legacy Iterator as well (emulator tests recorded against AWS)
    proc = {**PROCESSOR, "ProcessorConfig": {"Mode": "INLINE"}}
    assert not [d for d in lint(machine({"M": {"Type": "Map", key: proc, "End": True}})) if d.severity == "error"]
    proc["ProcessorConfig"] = {"Mode": "DISTRIBUTED"}
    assert [d.pointer for d in found(machine({"M": {"Type": "Map", key: proc, "End": True}}), "ASL232")] == [
        f"/States/M/{key}/ProcessorConfig/ExecutionType"]
    proc["ProcessorConfig"] = {"Mode": "PARALLEL"}
    assert found(machine({"M": {"Type": "Map", key: proc, "End": True}}), "ASL107")


def test_processor_config_not_in_a_parallel_branch():
    branch = {**PROCESSOR, "ProcessorConfig": {"Mode": "INLINE"}}
    assert found(machine({"P": {"Type": "Parallel", "Branches": [branch], "End": True}}), "ASL101")


def test_map_processor_states_are_checked_recursively():
    inner = {"StartAt": "I", "States": {"I": {"Type": "Pass", "Nxet": "J"}, "J": {"Type": "Succeed"}}}
    defn = machine({"M": {"Type": "Map", "ItemProcessor": inner, "End": True}})
    assert found(defn, "ASL101")[0].pointer == "/States/M/ItemProcessor/States/I/Nxet"


@pytest.mark.parametrize("resource, severity", [
    ("arn:aws:lambda:us-east-1:123456789012:function:f:", "error"),
    ("arn:aws:lambda:us-east-1:123456789012:function:f:$*#$7485", "error"),
    ("arn:aws:states:::lambda:invoke.sync", "error"),
    ("arn:aws:states:::dynamodb:putItem.waitForTaskToken", "error"),
    ("arn:aws:states:::aws-sdk:s3:getObject.sync", "error"),
    ("arn:aws:states:::sns:publish.wait", "error"),
    ("foo:bar", "warning"),
    # an API the optimized service does not have (LocalStack's test recorded against AWS: dynamodb:query)
    ("arn:aws:states:::dynamodb:query", "error"),
    ("arn:aws:states:::sqs:receiveMessage", "error"),
    ("arn:aws:states:::http:invoke.waitForTaskToken", "error"),
    ("arn:aws:states:::dynamodb:GetItem", "warning"),  # case: AWS's behaviour not documented
    ("arn:aws:states:::sagemaker:createFoo", "warning"),  # aslint's sagemaker list may be partial
    ("arn:aws:states:::aws-sdk:eks:describeClusterz", "error"),  # eks: SDK API names are the IAM names
])
def test_asl240_bad_resources(resource, severity):
    diags = found(machine({"A": task(Resource=resource)}), "ASL240")
    assert len(diags) == 1 and diags[0].severity == severity and diags[0].pointer == "/States/A/Resource"


@pytest.mark.parametrize("resource", [
    "arn:aws:lambda:us-east-1:123456789012:function:f",
    "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST",
    "arn:aws:lambda:us-east-1:123456789012:function:f:prod-2",
    "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f:7",
    "arn:aws:states:us-east-1:123456789012:activity:worker",
    "arn:aws:states:::states:startExecution.sync:2",
    "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    "arn:aws:states:::batch:submitJob.sync",
    "arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken",
    "arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject",
    "arn:${AWS::Partition}:states:::lambda:invoke",
    "${LambdaArn}",
    "arn:aws:states:::eks:runJob.sync",
    "arn:aws:states:::aws-sdk:dynamodb:query",
    "arn:aws:states:::dynamodb:updateItem",
    "arn:aws:states:::http:invoke",
    "arn:aws:states:::aws-sdk:eks:describeCluster",
    "arn:aws:states:::aws-sdk:s3:listObjectsV2",
    "arn:aws:states:::elasticmapreduce:addStep.sync",
])
def test_asl240_good_or_unknown_resources(resource):
    assert not found(machine({"A": task(Resource=resource)}), "ASL240")


@pytest.mark.parametrize("label", ["", "x" * 41, "has space", "tab\there", "a:b", "a;b", "a,b", "a\\b", "a|b", "a^b", "a~b",
                                   "a$b", "a#b", "a%b", "a&b", "a`b", 'a"b', "a?b", "a*b", "a<b", "a{b", "a[b", "a\x07b"])
def test_asl112_invalid_map_label(label):
    diags = found(machine({"M": {"Type": "Map", "Label": label, "ItemProcessor": PROCESSOR, "End": True}}), "ASL112")
    assert [(d.pointer, d.severity) for d in diags] == [("/States/M/Label", "error")]


@pytest.mark.parametrize("label", ["x" * 40, "process-files_1.v2", "étiquette"])
def test_asl112_valid_map_label(label):
    assert not found(machine({"M": {"Type": "Map", "Label": label, "ItemProcessor": PROCESSOR, "End": True}}), "ASL112")
