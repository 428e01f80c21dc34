"""The policy evaluator: Allow/Deny, NotAction/NotResource, globs, conditions."""

from aslint.iam.evaluate import ALLOWED, CONDITIONAL, DENIED, NOT_ALLOWED, Request, evaluate
from aslint.iam.policy import statements_of

from .helpers import PASS_EKS, allow, policy

ROLE = "arn:aws:iam::111122223333:role/demo-node"
CLUSTER = "arn:aws:eks:us-east-1:111122223333:cluster/demo"


def decide(p, action, resource="*", context=None, absent=()):
    return evaluate(statements_of(p), Request(action, resource, context or {}, absent)).decision


def test_right_policy_allows():
    p = policy(allow(["eks:DescribeCluster", "eks:DeleteCluster"], "arn:aws:eks:us-east-1:111122223333:cluster/*"))
    assert decide(p, "eks:DescribeCluster", CLUSTER) == ALLOWED


def test_missing_action_is_not_allowed():
    p = policy(allow("eks:DeleteCluster", CLUSTER))
    assert decide(p, "eks:DescribeCluster", CLUSTER) == NOT_ALLOWED


def test_action_globs_are_case_insensitive():
    p = policy(allow("EKS:describe*", CLUSTER))
    assert decide(p, "eks:DescribeCluster", CLUSTER) == ALLOWED
    assert decide(p, "eks:DeleteCluster", CLUSTER) == NOT_ALLOWED


def test_resource_globs_are_case_sensitive_and_span_segments():
    assert decide(policy(allow("eks:DescribeCluster", "arn:aws:eks:*:*:cluster/Demo")), "eks:DescribeCluster", CLUSTER) == NOT_ALLOWED
    assert decide(policy(allow("eks:DescribeCluster", "arn:aws:eks:*")), "eks:DescribeCluster", CLUSTER) == ALLOWED


def test_over_broad_policy_allows_everything():
    p = policy(allow("*", "*"))
    assert decide(p, "iam:PassRole", ROLE, {"iam:passedtoservice": ["ec2.amazonaws.com"]}) == ALLOWED


def test_explicit_deny_wins():
    p = policy(allow("eks:*", "*"), {"Effect": "Deny", "Action": "eks:DeleteCluster", "Resource": CLUSTER})
    result = evaluate(statements_of(p), Request("eks:DeleteCluster", CLUSTER))
    assert result.decision == DENIED and result.denied_by[0].index == 1
    assert decide(p, "eks:DescribeCluster", CLUSTER) == ALLOWED


def test_not_action_allow_grants_the_rest():
    p = policy({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})
    assert decide(p, "eks:CreateCluster") == ALLOWED
    assert decide(p, "iam:PassRole", ROLE) == NOT_ALLOWED


def test_not_action_deny():
    p = policy(allow("*", "*"), {"Effect": "Deny", "NotAction": ["eks:*", "iam:PassRole"], "Resource": "*"})
    assert decide(p, "eks:CreateCluster") == ALLOWED
    assert decide(p, "s3:GetObject", "arn:aws:s3:::b/k") == DENIED


def test_not_resource():
    p = policy({"Effect": "Allow", "Action": "eks:DeleteCluster", "NotResource": "arn:aws:eks:*:*:cluster/prod-*"})
    assert decide(p, "eks:DeleteCluster", CLUSTER) == ALLOWED
    assert decide(p, "eks:DeleteCluster", "arn:aws:eks:us-east-1:111122223333:cluster/prod-1") == NOT_ALLOWED


def test_pass_role_with_and_without_passed_to_service():
    with_cond = policy(allow("iam:PassRole", ROLE, PASS_EKS))
    without = policy(allow("iam:PassRole", ROLE))
    eks = {"iam:passedtoservice": ["eks.amazonaws.com"]}
    ec2 = {"iam:passedtoservice": ["ec2.amazonaws.com"]}
    assert decide(with_cond, "iam:PassRole", ROLE, eks) == ALLOWED
    assert decide(with_cond, "iam:PassRole", ROLE, ec2) == NOT_ALLOWED
    assert decide(without, "iam:PassRole", ROLE, ec2) == ALLOWED


def test_pass_role_on_star():
    p = policy(allow("iam:PassRole", "*"))
    assert decide(p, "iam:PassRole", ROLE, {"iam:passedtoservice": ["eks.amazonaws.com"]}) == ALLOWED


def test_string_like_if_exists_and_set_operators():
    like = policy(allow("iam:PassRole", ROLE, {"StringLike": {"iam:PassedToService": "eks*.amazonaws.com"}}))
    assert decide(like, "iam:PassRole", ROLE, {"iam:passedtoservice": ["eks.amazonaws.com"]}) == ALLOWED
    tags = policy(allow("eks:CreateCluster", "*", {"StringEqualsIfExists": {"aws:RequestTag/team": "blue"}}))
    assert decide(tags, "eks:CreateCluster", "*", absent=("aws:requesttag/",)) == ALLOWED
    assert decide(tags, "eks:CreateCluster", "*", {"aws:requesttag/team": ["red"]}) == NOT_ALLOWED
    anyv = policy(allow("eks:CreateCluster", "*", {"ForAnyValue:StringEquals": {"aws:TagKeys": ["team", "env"]}}))
    assert decide(anyv, "eks:CreateCluster", "*", {"aws:tagkeys": ["env"]}) == ALLOWED
    assert decide(anyv, "eks:CreateCluster", "*", absent=("aws:tagkeys",)) == NOT_ALLOWED
    allv = policy(allow("eks:CreateCluster", "*", {"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}))
    assert decide(allv, "eks:CreateCluster", "*", {"aws:tagkeys": ["team", "env"]}) == NOT_ALLOWED
    assert decide(allv, "eks:CreateCluster", "*", absent=("aws:tagkeys",)) == ALLOWED


def test_unknown_condition_keys_are_conservative():
    p = policy(allow("eks:DescribeCluster", CLUSTER, {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}))
    result = evaluate(statements_of(p), Request("eks:DescribeCluster", CLUSTER))
    assert result.decision == CONDITIONAL and result.granted and result.notes
    deny = policy(allow("eks:*", "*"), {"Effect": "Deny", "Action": "eks:*", "Resource": "*",
                                        "Condition": {"Bool": {"aws:SecureTransport": "false"}}})
    result = evaluate(statements_of(deny), Request("eks:DescribeCluster", CLUSTER))
    assert result.decision == ALLOWED and any("may deny" in n for n in result.notes)


def test_policy_variables_and_placeholders_are_wildcards():
    p = policy(allow("eks:DescribeCluster", "arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/${aws:PrincipalTag/team}"))
    assert decide(p, "eks:DescribeCluster", CLUSTER) == ALLOWED


def test_request_resource_unknown_at_run_time():
    p = policy(allow("eks:DescribeCluster", "arn:aws:eks:us-east-1:111122223333:cluster/demo"))
    assert decide(p, "eks:DescribeCluster", "arn:aws:eks:*:111122223333:cluster/*") == ALLOWED  # may be the one
    d = policy(allow("eks:*", "*"), {"Effect": "Deny", "Action": "eks:*", "Resource": "arn:aws:eks:*:*:cluster/prod"})
    assert decide(d, "eks:DescribeCluster", "arn:aws:eks:*:111122223333:cluster/*") == ALLOWED  # not surely denied


def test_malformed_statements_do_not_crash():
    for p in ({"Statement": "x"}, {"Statement": [1, None, {"Effect": "Allow"}]}, {"Statement": {"Effect": "Allow", "Action": 3, "Resource": {"Ref": "X"}}},
              {"Statement": [{"Effect": "Allow", "Action": "eks:*", "Resource": "*", "Condition": "bad"}]},
              {"Statement": [{"Effect": "Allow", "Action": "eks:*", "Resource": "*", "Condition": {"StringEquals": ["x"]}}]}):
        evaluate(statements_of(p), Request("eks:DescribeCluster", CLUSTER))
