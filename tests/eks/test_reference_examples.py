"""The documentation's EKS examples and the sample project: no EKS error; the known defects are found."""

import collections

import pytest

from aslint.api import lint_text


def _lint(shared, name):
    path = shared / "reference" / "examples" / name
    return lint_text(path.read_text(), name, select=["EKS", "PAY"])


@pytest.mark.parametrize("name", ["runjob-sync-with-logs.asl.json", "call-list-pods.asl.json", "call-delete-job.asl.json",
                                  "call-create-aws-auth.asl.json", "sample-project.asl.json", "create-cluster.asl.json",
                                  "create-nodegroup.asl.json", "create-fargate-profile.asl.json", "delete-cluster.asl.json",
                                  "delete-nodegroup.asl.json", "delete-fargate-profile.asl.json",
                                  "blog-run-job-existing-cluster.asl.json"])
def test_no_eks_error(shared, name):
    errors = [(d.code, d.message) for d in _lint(shared, name) if d.severity == "error"]
    assert errors == []


def test_sample_project_defects(shared):
    diags = _lint(shared, "sample-project.asl.json")
    by_code = collections.defaultdict(list)
    for d in diags:
        by_code[d.code].append(d)
    assert [d.state for d in by_code["PAY002"]] == ["Run a job on EKS"]  # logs retrieved without a bound
    assert [d.state for d in by_code["EKS030"]] == ["Delete job"]  # job deleted without propagationPolicy
    assert set(by_code) <= {"PAY002", "EKS030", "PAY005"}


def test_runjob_with_logs_gets_the_pay_warning(shared):
    assert [d.code for d in _lint(shared, "runjob-sync-with-logs.asl.json")] == ["PAY002"]


def test_call_delete_job_is_clean(shared):
    assert _lint(shared, "call-delete-job.asl.json") == []
