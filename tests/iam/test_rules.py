"""Each IAM rule: a failing and a passing case (beyond the rule docs' examples)."""

import copy
import json

from .helpers import CLUSTER, CLUSTER_ROLE, NODEGROUP, PASS_EKS, allow, by_code, lint_pair, lint_policy, policy, task

NODE_ROLE = "arn:aws:iam::111122223333:role/demo-node"


def nodegroup_policy(**drop):
    stmts = [
        allow("eks:CreateNodegroup", "arn:aws:eks:us-east-1:111122223333:cluster/demo"),
        allow("ec2:DescribeSubnets", "*"),
        allow(["eks:DescribeNodegroup", "eks:DeleteNodegroup"], "arn:aws:eks:us-east-1:111122223333:nodegroup/demo/workers/*"),
        allow(["iam:GetRole", "iam:ListAttachedRolePolicies"], "arn:aws:iam::111122223333:role/*"),
        allow("iam:PassRole", NODE_ROLE, PASS_EKS),
        allow("iam:CreateServiceLinkedRole", "arn:aws:iam::111122223333:role/aws-service-role/*",
              {"StringLike": {"iam:AWSServiceName": "eks*.amazonaws.com"}}),
    ]
    return policy(*[s for i, s in enumerate(stmts) if i not in drop.get("indexes", ())])


# IAM001 -----------------------------------------------------------------------------------------
def test_right_policy_has_no_findings():
    assert lint_pair(NODEGROUP, nodegroup_policy()) == []


def test_missing_one_action_names_state_action_resource_and_statement():
    p = nodegroup_policy(indexes=(0,))
    found = by_code(lint_pair(NODEGROUP, p), "IAM001")
    assert len(found) == 1
    msg = found[0].message
    assert found[0].state == "Step" and "eks:CreateNodegroup" in msg and "arn:aws:eks:us-east-1:111122223333:cluster/demo" in msg
    assert '"Action": "eks:CreateNodegroup"' in found[0].hint
    assert found[0].pointer == "/States/Step/Resource" and found[0].file == "machine.asl.json"


def test_pass_role_without_eks_service_is_missing_and_points_at_node_role():
    p = nodegroup_policy(indexes=(4,))
    p["Statement"].append(allow("iam:PassRole", NODE_ROLE, {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}))
    diags = lint_pair(NODEGROUP, p)
    missing = by_code(diags, "IAM001")
    assert len(missing) == 1 and missing[0].pointer == "/States/Step/Parameters/NodeRole"
    assert "iam:PassedToService" in missing[0].hint
    assert by_code(diags, "IAM022")  # the PassedToService value names another service


def test_deny_overrides_and_is_named():
    p = nodegroup_policy()
    p["Statement"].append({"Sid": "NoNodegroups", "Effect": "Deny", "Action": "eks:CreateNodegroup", "Resource": "*"})
    hit = by_code(lint_pair(NODEGROUP, p), "IAM001")[0]
    assert "NoNodegroups" in hit.message and "Deny" in hit.hint


def test_not_action_allow_grants_but_is_flagged():
    p = policy({"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"})
    diags = lint_pair(NODEGROUP, p)
    assert not by_code(diags, "IAM001")
    assert by_code(diags, "IAM012")


def test_over_broad_policy_grants_but_is_flagged():
    diags = lint_pair(NODEGROUP, policy(allow(["eks:*", "iam:PassRole", "iam:GetRole", "iam:ListAttachedRolePolicies", "ec2:DescribeSubnets", "iam:CreateServiceLinkedRole"], "*")))
    codes = {d.code for d in diags}
    assert "IAM001" not in codes
    assert {"IAM010", "IAM020", "IAM021", "IAM011"} <= codes


def test_dynamic_names_do_not_cause_false_alarms():
    definition = task("arn:aws:states:::eks:deleteCluster.sync", {"Name.$": "$.cluster"})
    p = policy(allow(["eks:DeleteCluster", "eks:DescribeCluster"], "arn:aws:eks:us-east-1:111122223333:cluster/*"))
    assert lint_pair(definition, p) == []


def test_jsonata_arguments():
    definition = {"QueryLanguage": "JSONata", "StartAt": "S", "States": {"S": {
        "Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster", "Arguments": {"Name": "demo"}, "End": True}}}
    diags = lint_pair(definition, policy(allow("eks:DescribeCluster", "arn:aws:eks:*:*:cluster/demo")))
    assert [d.code for d in by_code(diags, "IAM001")] == ["IAM001"]
    assert "eks:DeleteCluster" in by_code(diags, "IAM001")[0].message


def test_lambda_and_sns_needs():
    definition = {"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "fn", "Payload.$": "$"}, "Next": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
              "Parameters": {"TopicArn": "arn:aws:sns:us-east-1:111122223333:t", "Message": "x"}, "End": True}}}
    diags = by_code(lint_pair(definition, policy(allow("sns:Publish", "arn:aws:sns:us-east-1:111122223333:t"))), "IAM001")
    assert len(diags) == 1 and "lambda:InvokeFunction" in diags[0].message and "function:fn" in diags[0].message


def test_no_policy_no_findings_and_no_catalog():
    assert lint_pair(NODEGROUP) == []


# IAM002 / IAM003 -------------------------------------------------------------------------------
def test_run_job_need_is_uncertain_info():
    definition = task("arn:aws:states:::eks:call", {"ClusterName": "demo", "CertificateAuthority": "Y2E=",
                                                    "Endpoint": "https://x", "Method": "GET", "Path": "/api/v1/pods"})
    diags = lint_pair(definition, policy(allow("sns:Publish", "arn:aws:sns:us-east-1:111122223333:t")))
    found = by_code(diags, "IAM002")
    assert len(found) == 1 and found[0].severity == "info" and "uncertain" in found[0].hint
    assert not by_code(diags, "IAM001")


def test_service_linked_role_note():
    p = nodegroup_policy(indexes=(5,))
    found = by_code(lint_pair(NODEGROUP, p), "IAM003")
    assert len(found) == 1 and found[0].severity == "info" and "does not exist yet" in found[0].hint
    assert not by_code(lint_pair(NODEGROUP, nodegroup_policy()), "IAM003")


# IAM010 / IAM011 / IAM012 ---------------------------------------------------------------------
def test_wildcard_actions():
    assert len(by_code(lint_policy(policy(allow(["*", "eks:*", "eks:Describe*"], "*"))), "IAM010")) == 2
    assert not by_code(lint_policy(policy(allow("eks:DescribeCluster", "arn:aws:eks:*:*:cluster/demo"))), "IAM010")
    assert not by_code(lint_policy(policy({"Effect": "Deny", "Action": "*", "Resource": "*"})), "IAM010")


def test_resource_star_for_scopable_action():
    found = by_code(lint_policy(policy(allow(["eks:DescribeCluster", "eks:CreateCluster"], "*"))), "IAM011")
    assert len(found) == 1 and "eks:DescribeCluster" in found[0].message and "eks:CreateCluster" not in found[0].message
    assert not by_code(lint_policy(policy(allow(["eks:CreateCluster", "ec2:DescribeSubnets"], "*"))), "IAM011")


def test_negated_elements():
    assert by_code(lint_policy(policy({"Effect": "Allow", "Action": "eks:*", "NotResource": "arn:aws:eks:*:*:cluster/prod"})), "IAM012")
    assert not by_code(lint_policy(policy({"Effect": "Deny", "NotAction": "eks:*", "Resource": "*"})), "IAM012")


# IAM013 ----------------------------------------------------------------------------------------
def test_cluster_wide_grant_when_definition_names_cluster():
    definition = task("arn:aws:states:::eks:deleteCluster.sync", {"Name": "demo"})
    wide = policy(allow(["eks:DeleteCluster", "eks:DescribeCluster"], "arn:aws:eks:us-east-1:111122223333:cluster/*"))
    found = by_code(lint_pair(definition, wide), "IAM013")
    assert len(found) == 1 and found[0].file.endswith(".policy.json") and "cluster/demo" in found[0].hint
    narrow = policy(allow(["eks:DeleteCluster", "eks:DescribeCluster"], "arn:aws:eks:us-east-1:111122223333:cluster/demo"))
    assert not by_code(lint_pair(definition, narrow), "IAM013")


# IAM020 / IAM021 / IAM022 / IAM023 ---------------------------------------------------------------
def test_pass_role_on_star():
    assert by_code(lint_policy(policy(allow("iam:PassRole", "*", PASS_EKS))), "IAM020")
    assert by_code(lint_policy(policy(allow("iam:PassRole", "arn:aws:iam::111122223333:role/*", PASS_EKS))), "IAM020")
    assert not by_code(lint_policy(policy(allow("iam:PassRole", NODE_ROLE, PASS_EKS))), "IAM020")


def test_pass_role_with_and_without_condition():
    assert by_code(lint_policy(policy(allow("iam:PassRole", NODE_ROLE))), "IAM021")
    assert not by_code(lint_policy(policy(allow("iam:PassRole", NODE_ROLE, PASS_EKS))), "IAM021")
    assert not by_code(lint_policy(policy(allow("iam:PassRole", NODE_ROLE, {"StringLike": {"iam:PassedToService": "eks*"}}))), "IAM021")


def test_pass_role_to_other_service():
    p = policy(allow("iam:PassRole", CLUSTER_ROLE, {"StringEquals": {"iam:PassedToService": ["eks.amazonaws.com", "ec2.amazonaws.com"]}}))
    found = by_code(lint_pair(CLUSTER, p), "IAM022")
    assert len(found) == 1 and "ec2.amazonaws.com" in found[0].message and found[0].pointer.endswith("/1")


def test_pass_role_never_passed():
    p = policy(allow("iam:PassRole", [CLUSTER_ROLE, "arn:aws:iam::111122223333:role/admin"], PASS_EKS))
    found = by_code(lint_pair(CLUSTER, p), "IAM023")
    assert len(found) == 1 and "role/admin" in found[0].message
    dynamic = copy.deepcopy(CLUSTER)
    params = dynamic["States"]["Step"]["Parameters"]
    params["RoleArn.$"] = params.pop("RoleArn")
    assert not by_code(lint_pair(dynamic, p), "IAM023")


# IAM030 ----------------------------------------------------------------------------------------
def test_unused_grants_listed():
    p = nodegroup_policy()
    p["Statement"].append(allow(["eks:ListClusters", "sns:Publish"], "*"))
    found = by_code(lint_pair(NODEGROUP, p), "IAM030")
    assert {f.message.split(" grants ")[1].split(",")[0] for f in found} == {"eks:ListClusters", "sns:Publish"}
    assert all(f.severity == "info" for f in found)


def test_unused_grants_silent_when_a_task_is_unknown():
    definition = copy.deepcopy(NODEGROUP)
    definition["States"]["Step"]["Next"] = "Other"
    del definition["States"]["Step"]["End"]
    definition["States"]["Other"] = {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "Parameters": {}, "End": True}
    p = nodegroup_policy()
    p["Statement"].append(allow("ecs:RunTask", "*"))
    assert not by_code(lint_pair(definition, p), "IAM030")


# IAM04x ----------------------------------------------------------------------------------------
def test_version():
    assert by_code(lint_policy(policy(allow("eks:CreateCluster"), version=None)), "IAM040")
    assert by_code(lint_policy(policy(allow("eks:CreateCluster"), version="2008-10-17")), "IAM040")
    bad = by_code(lint_policy(policy(allow("eks:CreateCluster"), version="2012-10-18")), "IAM040")
    assert bad and bad[0].severity == "error"
    assert not by_code(lint_policy(policy(allow("eks:CreateCluster"))), "IAM040")


def test_effect_case_with_fix():
    found = by_code(lint_policy(policy({"Effect": "allow", "Action": "eks:CreateCluster", "Resource": "*"})), "IAM041")
    assert found and found[0].fix is not None and found[0].fix["edits"][0]["text"] == '"Allow"'
    assert by_code(lint_policy(policy({"Action": "eks:CreateCluster", "Resource": "*"})), "IAM041")
    assert not by_code(lint_policy(policy(allow("eks:CreateCluster"))), "IAM041")


def test_unknown_action_with_did_you_mean():
    found = by_code(lint_policy(policy(allow("eks:DescribeClusters"))), "IAM042")
    assert found and "eks:DescribeCluster'" in found[0].message and found[0].severity == "error"
    assert not by_code(lint_policy(policy(allow(["eks:CreateAccessEntry", "eks:AssociateAccessPolicy", "iam:PassRole"]))), "IAM042")
    typo = by_code(lint_policy(policy(allow("logs:CreateLogStreams"))), "IAM042")
    assert typo and typo[0].severity == "warning"
    assert not by_code(lint_policy(policy(allow("bedrock:SomethingNewerThanTheCatalog"))), "IAM042")
    assert by_code(lint_policy(policy(allow("DescribeCluster"))), "IAM042")


def test_duplicate_sid():
    assert by_code(lint_policy(policy(allow("eks:CreateCluster", Sid="A"), allow("ec2:DescribeSubnets", Sid="A"))), "IAM043")
    assert not by_code(lint_policy(policy(allow("eks:CreateCluster", Sid="A"), allow("ec2:DescribeSubnets", Sid="B"))), "IAM043")


def test_malformed_arn():
    assert by_code(lint_policy(policy(allow("eks:DescribeCluster", "arn:aws:eks:us-east-1:cluster/demo"))), "IAM044")
    assert by_code(lint_policy(policy(allow("eks:DescribeCluster", "arn:aws:iam::1234:role/x"))), "IAM044")
    assert not by_code(lint_policy(policy(allow("eks:DescribeCluster", ["*", "arn:aws:eks:*:*:cluster/demo", "${MyCluster.Arn}"]))), "IAM044")


def test_hostile_policies_do_not_crash():
    for p in ({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [1, None, {}], "Resource": [None, 2]}]},
              {"Version": 3, "Statement": {"Effect": ["Allow"], "Action": "iam:PassRole", "Resource": "*", "Condition": {"X": 1}}}):
        diags = lint_policy(p, select=("IAM", "ASL000"))
        assert not by_code(diags, "ASL000")


def test_request_tags_from_the_task_meet_tag_conditions():
    tagged = copy.deepcopy(CLUSTER)
    tagged["States"]["Step"]["Parameters"]["Tags"] = {"team": "blue"}
    p = policy(allow("eks:CreateCluster", "*", {"StringEquals": {"aws:RequestTag/team": "blue"}}),
               allow(["eks:DescribeCluster", "eks:DeleteCluster"], "arn:aws:eks:us-east-1:111122223333:cluster/demo"),
               allow("iam:PassRole", CLUSTER_ROLE, PASS_EKS))
    assert not by_code(lint_pair(tagged, p), "IAM001")
    untagged = by_code(lint_pair(CLUSTER, p), "IAM001")
    assert len(untagged) == 1 and "eks:CreateCluster" in untagged[0].message
    dynamic = copy.deepcopy(CLUSTER)
    dynamic["States"]["Step"]["Parameters"]["Tags.$"] = "$.tags"
    assert not by_code(lint_pair(dynamic, p), "IAM001")  # unknown tags: the condition may hold


def test_aws_sdk_tasks():
    definition = task("arn:aws:states:::aws-sdk:eks:describeCluster", {"Name": "demo"})
    assert by_code(lint_pair(definition, policy(allow("eks:ListClusters"))), "IAM001")
    assert not by_code(lint_pair(definition, policy(allow("eks:DescribeCluster", "arn:aws:eks:*:*:cluster/demo"))), "IAM001")
    s3 = task("arn:aws:states:::aws-sdk:s3:listObjectsV2", {"Bucket": "b"})
    found = by_code(lint_pair(s3, policy(allow("s3:GetObject", "arn:aws:s3:::b/*"))), "IAM002")
    assert found and "s3:ListBucket" in found[0].message


def _grants(found):
    return {f.message.split(" grants ")[1].split(",")[0] for f in found}


def test_launch_template_permissions_are_needed_only_with_a_launch_template():
    p = nodegroup_policy()
    p["Statement"].append(allow(["ec2:DescribeLaunchTemplates", "ec2:DescribeLaunchTemplateVersions"], "*"))
    assert _grants(by_code(lint_pair(NODEGROUP, p), "IAM030")) == {"ec2:DescribeLaunchTemplates", "ec2:DescribeLaunchTemplateVersions"}
    with_template = copy.deepcopy(NODEGROUP)
    with_template["States"]["Step"]["Parameters"]["LaunchTemplate"] = {"Id": "lt-0abcd1234efgh5678", "Version": "1"}
    assert not by_code(lint_pair(with_template, p), "IAM030")


def test_fargate_profile_creation_uses_iam_get_role():
    profile = task("arn:aws:states:::eks:createFargateProfile", {
        "ClusterName": "demo", "FargateProfileName": "fp", "Selectors": [{"Namespace": "default"}],
        "PodExecutionRoleArn": "arn:aws:iam::111122223333:role/pod-exec"})
    p = policy(allow("eks:CreateFargateProfile", "arn:aws:eks:us-east-1:111122223333:cluster/demo"),
               allow("iam:PassRole", "arn:aws:iam::111122223333:role/pod-exec"),
               allow("iam:GetRole", "arn:aws:iam::111122223333:role/aws-service-role/eks-fargate.amazonaws.com/*"),
               allow("sns:Publish", "*"))
    assert _grants(by_code(lint_pair(profile, p), "IAM030")) == {"sns:Publish"}


def test_pass_role_on_named_role_is_advice_on_any_role_a_warning():
    (named,) = by_code(lint_policy(policy(allow("iam:PassRole", NODE_ROLE))), "IAM021")
    assert named.severity == "info" and "eks.amazonaws.com" not in (named.hint or "")
    (wild,) = by_code(lint_policy(policy(allow("iam:PassRole", "arn:aws:iam::111122223333:role/*"))), "IAM021")
    assert wild.severity == "warning"
    (star,) = by_code(lint_policy(policy(allow("iam:PassRole", "*"))), "IAM021")
    assert star.severity == "warning"


def _lint_with_role_policy(definition, p, select=("IAM",)):
    """The definition alone is checked; its policy comes from --role-policy (not a file of the run)."""
    import os
    import tempfile

    from aslint.cli import run
    from aslint.core.engine import RuleSet
    from aslint.core.settings import Settings

    with tempfile.TemporaryDirectory(prefix="aslint-iam-") as folder:
        defn, pol = os.path.join(folder, "wf.asl.json"), os.path.join(folder, "role.json")
        with open(defn, "w", encoding="utf-8") as fh:
            json.dump(definition, fh, indent=2)
        with open(pol, "w", encoding="utf-8") as fh:
            json.dump(p, fh, indent=2)
        settings = Settings(select=list(select), region="us-east-1")
        settings.cli_role_policies = [pol]

        class _Args:
            jobs = 1
            fix = diff = False
            stdin_filename = None

        return [d for r in run([(defn, True)], RuleSet(settings), _Args()) for d in r.diagnostics]


def test_role_policy_from_the_command_line_is_linted_for_hygiene_with_the_service_it_is_passed_to():
    p = nodegroup_policy()
    p["Statement"][4] = allow("iam:PassRole", NODE_ROLE)  # no PassedToService
    p["Statement"].append(allow("*", "*"))
    found = _lint_with_role_policy(NODEGROUP, p)
    (passrole,) = by_code(found, "IAM021")
    assert passrole.file.endswith("role.json") and "eks.amazonaws.com" in passrole.hint
    assert by_code(found, "IAM010") and all(d.file.endswith("role.json") for d in by_code(found, "IAM010"))
    clean = _lint_with_role_policy(NODEGROUP, nodegroup_policy())
    assert not by_code(clean, "IAM021") and not by_code(clean, "IAM010")
