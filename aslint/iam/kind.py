"""Kind ``iam-policy``: an IAM policy document (Version + Statement), recognized by its content."""

from __future__ import annotations

from aslint.core import kinds
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
