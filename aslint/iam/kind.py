"""Kind ``iam-policy``: an IAM policy document (Version + Statement), recognized by its content."""

from __future__ import annotations

from aslint.core import kinds
from aslint.core.facts import declare
@kinds.recognizer("iam-policy", order=40)
def is_iam_policy(data) -> bool:
    from aslint.iam.policy import is_policy

    return is_policy(data)


@kinds.preparer
def pair_role_policies(documents, settings) -> list:
    """Pair each definition of a file with its role's policies (see :mod:`aslint.iam.attach`); the
    policies read from other files are returned, so their hygiene is linted in the definition's context."""
    from aslint.iam.attach import attach_all

    return attach_all(documents, settings)


# What the IAM family (and the templates it pairs with) records about a definition or a policy.
declare("role_policies", list, "the policy Documents of the state machine's role")
declare("role_policy_notes", list, "why the role's policies are not all known (messages)")
declare("role_policy_source", str, "where the policies came from: template, command line or configuration, beside the definition")
declare("role_policy_files", list, "the policy files read for the role")
declare("role_policies_complete", bool, "every policy of the role is known")
declare("role_arn", (str, type(None)), "the state machine's role ARN as the template writes it")
declare("role_resource", str, "the template resource of the role")
declare("iam_sharers", list, "the definitions of the file that share the role's policies, in document order")
declare("passed_to", dict, "on a policy: role ARN -> the services it is passed to")
declare("synthetic", bool, "on a policy: made by aslint from a managed-policy or SAM template, not written by the user")
declare("template_pointer", str, "on a policy: where it sits in its template")
