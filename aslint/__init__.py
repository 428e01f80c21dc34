"""aslint: a static linter for AWS Step Functions definitions that drive Amazon EKS."""

__version__ = "0.1.0"
