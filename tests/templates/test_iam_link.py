"""End to end with the IAM family: the role's missing permission is reported at the state, in the template."""

from __future__ import annotations

import pytest

from tpl_helpers import FIXTURES, ruleset, run_paths


def test_sam_eks_role_missing_describe_nodegroup_is_reported_at_the_state():
    if not any(code.startswith("IAM") for code in ruleset().all_rules):
        pytest.xfail("the IAM family's missing-permission rule is not in the tree yet; the template side "
                     "(doc.context['role_policies'] for the definition) is tested in test_roles.py")
    template = FIXTURES / "sam-eks" / "template.yaml"
    results = run_paths([template])
    diags = [d for r in results for d in r.diagnostics]
    hits = [d for d in diags if d.code.startswith("IAM") and "eks:DescribeNodegroup" in d.message]
    assert hits, [(d.code, d.message) for d in diags]
    hit = hits[0]
    assert hit.severity == "error"
    assert hit.file.endswith("template.yaml")
    assert hit.state == "CreateNodegroup"
    assert 22 <= hit.line <= 32  # inside the CreateNodegroup state of the inline Definition
    # the permissions the role does have are not reported missing
    assert not [d for d in diags if d.code.startswith("IAM") and "eks:CreateNodegroup" in d.message
                and "missing" in d.message.lower()]
