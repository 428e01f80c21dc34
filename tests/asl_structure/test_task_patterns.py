"""ASL240 (and EKS001 for eks:): the integration pattern of a Task Resource checked per API action,
from the integrations table's per-API patterns (AWS Step Functions Developer Guide, each service's page)."""

from __future__ import annotations

import pytest

from aslint.api import lint_text
from aslint.asl import integrations
from tests.asl_structure.helpers import found, machine, task

ARN = "arn:aws:states:::"


@pytest.mark.parametrize("resource, hint", [
    ("athena:stopQueryExecution.sync", "Use athena:stopQueryExecution"),  # only startQueryExecution runs a job
    ("codebuild:stopBuild.sync", "Use codebuild:stopBuild"),
    ("sns:publish.sync", "Use sns:publish or sns:publish.waitForTaskToken"),
    ("sqs:sendMessage.sync", "Use sqs:sendMessage or sqs:sendMessage.waitForTaskToken"),
    ("lambda:invoke.sync", "Use lambda:invoke or lambda:invoke.waitForTaskToken"),
    ("batch:submitJob.waitForTaskToken", "Use batch:submitJob or batch:submitJob.sync"),
    ("glue:startJobRun.waitForTaskToken", "Use glue:startJobRun or glue:startJobRun.sync"),
    ("dynamodb:putItem.waitForTaskToken", "Use dynamodb:putItem"),
])
def test_pattern_the_api_does_not_support_is_an_error_with_a_hint(resource, hint):
    diags = found(machine({"A": task(Resource=ARN + resource)}), "ASL240")
    assert [(d.pointer, d.severity) for d in diags] == [("/States/A/Resource", "error")]
    api = resource.split(".")[0]
    assert f", but {api} does not support the" in diags[0].message and len(diags[0].message) <= 200
    assert diags[0].hint == hint


@pytest.mark.parametrize("resource", [
    "athena:startQueryExecution.sync",
    "codebuild:startBuildBatch.sync",
    "codebuild:retryBuildBatch.sync",
    "sns:publish.waitForTaskToken",
    "sqs:sendMessage.waitForTaskToken",
    "lambda:invoke.waitForTaskToken",
    "ecs:runTask.sync",
    "ecs:runTask.waitForTaskToken",
    "batch:submitJob.sync",
    "glue:startJobRun.sync",
    "states:startExecution.sync:2",
    "states:startExecution.waitForTaskToken",
    "codebuild:retryBuild.sync",  # not in the page's per-API table: unknown, the service supports .sync
    "sagemaker:createModel.sync",  # SageMaker's per-API patterns are not in the table: not judged
])
def test_pattern_the_api_supports_or_unknown_is_not_reported(resource):
    assert not found(machine({"A": task(Resource=ARN + resource)}), "ASL240")


def test_service_without_per_api_data_still_checked_at_service_level():
    diags = found(machine({"A": task(Resource=ARN + "emr-serverless:startJobRun.waitForTaskToken")}), "ASL240")
    assert [d.severity for d in diags] == ["error"] and diags[0].hint == "Remove the suffix"


def _eks(resource):
    text = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%s", "Parameters": {"Name": "c"}, "End": true}}}'
    return [d for d in lint_text(text % (ARN + resource), "m.asl.json", select=["ASL240", "EKS001"])]


@pytest.mark.parametrize("resource", ["eks:call.sync", "eks:createCluster.waitForTaskToken", "eks:runJob.waitForTaskToken"])
def test_eks_pattern_the_api_does_not_support_is_one_eks001_error(resource):
    assert [(d.code, d.severity) for d in _eks(resource)] == [("EKS001", "error")]


@pytest.mark.parametrize("resource", ["eks:createCluster.sync", "eks:call", "eks:runJob.sync"])
def test_eks_pattern_the_api_supports_is_not_reported(resource):
    assert not _eks(resource)


def test_per_api_patterns_agree_with_the_service_rows():
    for name, row in integrations.table()["services"].items():
        per_api = row.get("api_patterns")
        if not per_api:
            continue
        assert row["api_patterns_source"].startswith("https://docs.aws.amazon.com/step-functions/"), name
        assert set(per_api) <= set(row["apis"]), name
        assert set(row["patterns"]) == set().union(*per_api.values()), name  # each service pattern is some API's
    assert integrations.api_patterns("eks", "call") == frozenset({"request-response"})
    assert integrations.api_patterns("sagemaker", "createModel") is None
