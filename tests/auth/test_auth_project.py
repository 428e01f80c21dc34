"""Cross-file rules: the state machine's role must be mapped (AUTH013); bindings need their Role (AUTH015)."""

from __future__ import annotations

import json

from .helpers import AWS_AUTH_GOOD, by_code, lint

RUN = {"Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
       "Parameters": {"ClusterName": "Existing", "CertificateAuthority": "x", "Endpoint": "https://e",
                      "Namespace": "default", "Job": {"apiVersion": "batch/v1", "kind": "Job"}}, "End": True}
WF = json.dumps({"StartAt": "Run", "States": {"Run": RUN}}, indent=2)
ROLE = "arn:aws:iam::111122223333:role/service-role/StepFunctionsEksRole"


def test_unmapped_role_is_reported_with_the_entry_to_add():
    (d,) = by_code(lint(WF, "wf.asl.json", role_arn=ROLE), "AUTH013")
    assert d.severity == "info"
    assert "rolearn: arn:aws:iam::111122223333:role/StepFunctionsEksRole" in d.hint
    assert d.pointer == "/States/Run/Parameters/ClusterName"


def test_dynamic_cluster_name_is_shown_as_its_path():
    run = {**RUN, "Parameters": {**{k: v for k, v in RUN["Parameters"].items() if k != "ClusterName"}, "ClusterName.$": "$.cluster.name"}}
    (d,) = by_code(lint(json.dumps({"StartAt": "Run", "States": {"Run": run}}), "wf.asl.json", role_arn=ROLE), "AUTH013")
    assert "the cluster named by $.cluster.name" in d.message and "$$" not in d.message


def test_mapped_role_is_not_reported():
    assert not by_code(lint(WF, "wf.asl.json", role_arn=ROLE, extra={"aws-auth.yaml": AWS_AUTH_GOOD}), "AUTH013")


def test_without_a_known_role_nothing_is_said():
    assert not by_code(lint(WF, "wf.asl.json"), "AUTH013")


def test_cluster_created_by_the_workflow_needs_no_mapping():
    create = {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
              "Parameters": {"Name": "Existing", "RoleArn": "arn:aws:iam::1:role/c", "ResourcesVpcConfig": {}}, "Next": "Run"}
    text = json.dumps({"StartAt": "Create", "States": {"Create": create, "Run": RUN}})
    assert not by_code(lint(text, "wf.asl.json", role_arn=ROLE), "AUTH013")


ROLE_YAML = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: run_job\n  namespace: default\nrules:\n- apiGroups: [batch]\n  resources: [jobs]\n  verbs: [create]\n"
BINDING = "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: b\n  namespace: default\nsubjects:\n- kind: User\n  name: u\n  apiGroup: rbac.authorization.k8s.io\nroleRef:\n  kind: Role\n  name: {}\n  apiGroup: rbac.authorization.k8s.io\n"


def test_binding_to_unknown_role():
    (d,) = by_code(lint(BINDING.format("run-job"), "binding.yaml", extra={"role.yaml": ROLE_YAML}), "AUTH015")
    assert (d.line, d.column) == (12, 9) and "run-job" in d.message
    assert not by_code(lint(BINDING.format("run_job"), "binding.yaml", extra={"role.yaml": ROLE_YAML}), "AUTH015")


def test_binding_in_another_namespace_than_the_role():
    other = BINDING.format("run_job").replace("namespace: default", "namespace: jobs")
    assert by_code(lint(other, "binding.yaml", extra={"role.yaml": ROLE_YAML}), "AUTH015")


def test_reference_blog_manifests(shared):
    role = (shared / "reference/examples/blog-rbac-role.yaml").read_text()
    binding = (shared / "reference/examples/blog-rbac-rolebinding.yaml").read_text()
    assert {d.code for d in lint(role, "role.yaml")} == {"AUTH014"}
    assert lint(binding, "binding.yaml", extra={"role.yaml": role}) == []


def test_wildcards():
    wild = ROLE_YAML.replace("verbs: [create]", 'verbs: ["*"]')
    (d,) = by_code(lint(wild, "role.yaml"), "AUTH016")
    assert (d.line, d.column) == (9, 11) and d.severity == "warning"
    assert not by_code(lint(ROLE_YAML, "role.yaml"), "AUTH016")


def test_v1beta1_fix_in_place(tmp_path):
    from .helpers import cli

    target = tmp_path / "role.yaml"
    bad = "# run jobs\n" + ROLE_YAML.replace("/v1\n", "/v1beta1  # old\n", 1)
    target.write_text(bad)
    cli("check", "--select", "AUTH014", "--fix", str(target))
    assert target.read_text() == bad.replace("v1beta1", "v1")


def test_role_from_the_template_beside_the_definition():
    template = {"Resources": {"Workflow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
        "RoleArn": ROLE, "Definition": {"StartAt": "Run", "States": {"Run": RUN}}}}}}
    found = by_code(lint(json.dumps(template, indent=2), "template.json"), "AUTH013")
    assert len(found) == 1 and "role/StepFunctionsEksRole" in found[0].message
    assert not by_code(lint(json.dumps(template, indent=2), "template.json", extra={"aws-auth.yaml": AWS_AUTH_GOOD}), "AUTH013")


def test_role_arn_on_the_command_line(tmp_path):
    from .helpers import cli

    (tmp_path / "wf.asl.json").write_text(WF)
    out = cli("check", "--select", "AUTH013", "--format", "json", "--role-arn", ROLE, str(tmp_path))
    codes = [d["code"] for d in json.loads(out.stdout)["diagnostics"]]
    assert codes == ["AUTH013"], out.stdout + out.stderr
    (tmp_path / "aws-auth.yaml").write_text(AWS_AUTH_GOOD)
    out = cli("check", "--select", "AUTH013", "--format", "json", "--role-arn", ROLE, str(tmp_path))
    assert json.loads(out.stdout)["diagnostics"] == []


def _run_with_logs(namespace="default"):
    run = {"Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync",
           "Parameters": {"ClusterName": "Existing", "CertificateAuthority": "x", "Endpoint": "https://e",
                          "Namespace": namespace, "LogOptions": {"RetrieveLogs": True},
                          "Job": {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "j"}}}, "End": True}
    return json.dumps({"StartAt": "Run", "States": {"Run": run}}, indent=2)


def _rbac(resources_rules):
    rules = "".join(f"- apiGroups: [\"{g}\"]\n  resources: [{r}]\n  verbs: [{v}]\n" for g, r, v in resources_rules)
    role = ("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: runner\n  namespace: default\n"
            f"rules:\n{rules}")
    binding = BINDING.format("runner").replace("name: u", "name: step-functions")
    return {"role.yaml": role, "binding.yaml": binding, "aws-auth.yaml": AWS_AUTH_GOOD}


def test_rbac_role_without_pods_log_for_a_logging_run_job():
    files = _rbac([("batch", "jobs", "create, get")])
    found = by_code(lint(_run_with_logs(), "wf.asl.json", role_arn=ROLE, extra=files), "AUTH017")
    assert found and all(d.severity == "error" for d in found) and "pods" in found[0].message
    files = _rbac([("batch", "jobs", "create, get"), ("", "pods", "list"), ("", "pods/log", "get")])
    assert not by_code(lint(_run_with_logs(), "wf.asl.json", role_arn=ROLE, extra=files), "AUTH017")


def test_rbac_role_with_the_resource_but_not_the_verb_is_a_warning():
    files = _rbac([("batch", "jobs", "get"), ("", "pods", "list"), ("", "pods/log", "get")])
    (d,) = by_code(lint(_run_with_logs(), "wf.asl.json", role_arn=ROLE, extra=files), "AUTH017")
    assert d.severity == "warning" and "'create'" in d.message


def test_rbac_not_judged_without_a_binding_of_the_identity():
    files = {"aws-auth.yaml": AWS_AUTH_GOOD}
    assert not by_code(lint(_run_with_logs(), "wf.asl.json", role_arn=ROLE, extra=files), "AUTH017")


def test_project_rules_in_worker_processes(tmp_path, monkeypatch):
    """In several processes the project rules see the documents they use (the files are read again
    for them in the main process) and find what one process finds; files with no document a
    project rule uses are not read again."""
    from aslint.core import engine
    from aslint.core.engine import RuleSet, Target, run
    from aslint.core.settings import Settings

    for i in range(12):
        (tmp_path / f"plain{i:02}.asl.json").write_text(WF)
    (tmp_path / "binding.yaml").write_text(BINDING.format("run-job"))
    (tmp_path / "role.yaml").write_text(ROLE_YAML)
    (tmp_path / "aws-auth.yaml").write_text(AWS_AUTH_GOOD)
    targets = [Target(str(p)) for p in sorted(tmp_path.iterdir())]

    def codes(results):
        return sorted((d.file, d.code, d.line) for r in results for d in r.diagnostics if d.code.startswith("AUTH"))

    for role in (None, ROLE):
        settings = Settings(select=["AUTH"])
        settings.role_arn = role
        alone = run(targets, RuleSet(settings), jobs=1)
        read = []
        real_load = engine.load
        monkeypatch.setattr(engine, "load", lambda path, *a: read.append(path) or real_load(path, *a))
        parallel = run(targets, RuleSet(settings), jobs=2)
        monkeypatch.setattr(engine, "load", real_load)
        assert codes(parallel) == codes(alone)
        assert {"AUTH015"} <= {d.code for r in alone for d in r.diagnostics}
        expected = {"binding.yaml", "role.yaml", "aws-auth.yaml"} | ({p.name for p in tmp_path.glob("plain*")} if role else set())
        assert {p.rsplit("/", 1)[-1] for p in read} == expected
