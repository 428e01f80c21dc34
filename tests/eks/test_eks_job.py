"""EKS020-EKS024: the Job given to eks:runJob, as an object or a JSON/YAML string, in both query languages."""

import json

import pytest
import yaml

from tests.eks.helpers import found, job, run_params, task

QLS = ["JSONPath", "JSONata"]


def _spec(restart="Never", containers=None):
    spec = {"containers": containers if containers is not None else [{"name": "main", "image": "busybox"}]}
    if restart is not None:
        spec["restartPolicy"] = restart
    return {"template": {"spec": spec}}


CASES = [
    ("EKS020", job(apiVersion="batch/v1beta1"), job()),
    ("EKS020", job(kind="CronJob"), job()),
    ("EKS020", {k: v for k, v in job().items() if k != "apiVersion"}, job()),
    ("EKS021", job(metadata={"name": "Nightly_Report"}), job(metadata={"name": "nightly-report"})),
    ("EKS021", job(metadata={"name": "a" * 64}), job(metadata={"name": "a" * 63})),
    ("EKS021", job(metadata={"labels": {"a": "b"}}), job(metadata={"generateName": "nightly-"})),
    ("EKS021", job(metadata={"generateName": "Nightly_"}), job(metadata={"generateName": "nightly-report-"})),
    ("EKS022", job(spec=_spec(containers=[])), job(spec=_spec())),
    ("EKS022", job(spec=_spec(containers=[{"name": "main"}])), job(spec=_spec(containers=[{"name": "main", "image": "busybox"}]))),
    ("EKS022", job(spec=_spec(containers=[{"name": "Main_1", "image": "x"}])), job(spec=_spec(containers=[{"name": "main-1", "image": "x"}]))),
    ("EKS022", job(spec={"backoffLimit": 1}), job()),
    ("EKS023", job(spec=_spec(restart="Always")), job(spec=_spec(restart="OnFailure"))),
    ("EKS023", job(spec=_spec(restart=None)), job(spec=_spec(restart="Never"))),
    ("EKS023", job(spec={**_spec(restart="OnFailure"), "podFailurePolicy": {"rules": []}}),
     job(spec={**_spec(restart="Never"), "podFailurePolicy": {"rules": []}})),
]


@pytest.mark.parametrize("ql", QLS)
@pytest.mark.parametrize("as_string", [False, "json", "yaml"])
@pytest.mark.parametrize("code,bad,good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_job_checks(code, bad, good, ql, as_string):
    def wrap(j):
        if as_string == "json":
            j = json.dumps(j)
        elif as_string == "yaml":
            j = yaml.safe_dump(j, sort_keys=False)
        return task("runJob.sync", run_params(Job=j), ql)
    hits = found(wrap(bad), code)
    assert hits, f"{code} should flag the Job"
    if as_string:
        assert all(h.pointer == "/States/Task/" + ("Arguments" if ql == "JSONata" else "Parameters") + "/Job" for h in hits)
        assert all("Job string" in h.message for h in hits)
    assert found(wrap(good), code) == []


def test_pointer_inside_an_object_job():
    (hit,) = found(task("runJob.sync", run_params(Job=job(spec=_spec(restart="Always")))), "EKS023")
    assert hit.pointer == "/States/Task/Parameters/Job/spec/template/spec/restartPolicy"
    assert hit.fix is not None


def test_unparsable_job_string():
    (hit,) = found(task("runJob.sync", run_params(Job="apiVersion: [batch/v1")), "EKS020")
    assert "neither JSON nor YAML" in hit.message


@pytest.mark.parametrize("ql", QLS)
def test_dynamic_job_fields_are_not_checked(ql):
    j = job(metadata={"name.$": "$.jobName"}, spec={"template": {"spec": {"containers.$": "$.containers", "restartPolicy": "Never"}}})
    for code in ("EKS020", "EKS021", "EKS022", "EKS023"):
        assert found(task("runJob.sync", run_params(Job=j), ql), code) == []
    assert found(task("runJob.sync", {**run_params(Job=None), "Job.$": "$.job"}, ql), "EKS020") == []


@pytest.mark.parametrize("ql", QLS)
def test_namespace_mismatch(ql):
    j = job(metadata={"name": "a", "namespace": "batch"})
    hits = found(task("runJob.sync", run_params(Job=j), ql), "EKS024")
    assert hits and "'default'" in hits[0].message
    assert found(task("runJob.sync", run_params(Job=j, Namespace="other"), ql), "EKS024")
    assert found(task("runJob.sync", run_params(Job=j, Namespace="batch"), ql), "EKS024") == []
    assert found(task("runJob.sync", run_params(Namespace="batch"), ql), "EKS024") == []
    assert found(task("runJob.sync", {**run_params(Job=j), "Namespace.$": "$.ns"}, ql), "EKS024") == []
