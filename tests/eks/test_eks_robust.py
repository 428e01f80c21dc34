"""No EKS or PAY rule may crash on a broken definition, whatever its shape (hypothesis)."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aslint.core.engine import RuleSet
from aslint.core.settings import Settings
from aslint.api import lint_text

RESOURCES = ["createCluster", "deleteCluster.sync", "createNodegroup", "deleteNodegroup", "createFargateProfile",
             "deleteFargateProfile.sync", "runJob", "runJob.sync", "call", "call.sync", "nope"]
KEYS = ["ClusterName", "ClusterName.$", "Name", "RoleArn", "NodeRole", "PodExecutionRoleArn", "Endpoint", "Endpoint.$",
        "CertificateAuthority", "Job", "Job.$", "LogOptions", "RetrieveLogs", "LogParameters", "tailLines", "limitBytes",
        "Method", "Path", "QueryParameters", "RequestBody", "Selectors", "Namespace", "ResourcesVpcConfig", "SubnetIds",
        "metadata", "name", "spec", "template", "containers", "restartPolicy", "apiVersion", "kind", "parallelism"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.sampled_from(
    ["GET", "DELETE", "POST", "/apis/batch/v1/namespaces/x/jobs", "/api/v1/pods", "{% $x %}", "$.a", "batch/v1",
     "Job", "Never", "Always", "https://x", "arn:aws:iam::1:role/r", "", "apiVersion: [", '{"kind": "Job"}']))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)), max_leaves=25)
_SETTINGS = Settings()
_SETTINGS.select = ["EKS", "PAY"]
RULES = RuleSet(_SETTINGS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resource=st.sampled_from(RESOURCES), params=VALUES, jsonata=st.booleans(),
       extra=st.dictionaries(st.sampled_from(["ResultPath", "ResultSelector", "Next", "Catch"]), VALUES, max_size=2))
def test_no_crash(resource, params, jsonata, extra):
    state = {"Type": "Task", "Resource": "arn:aws:states:::eks:" + resource,
             ("Arguments" if jsonata else "Parameters"): params, **extra}
    state.setdefault("End", True)
    data = {"StartAt": "T", "States": {"T": state, "C": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster",
                                                        "Parameters": {"Name": "c"}, "Next": "T"}}}
    if jsonata:
        data["QueryLanguage"] = "JSONata"
    diags = lint_text(json.dumps(data), "d.asl.json", ruleset=RULES)
    assert not [d.message for d in diags if d.code == "ASL000"]
