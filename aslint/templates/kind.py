"""Template kinds (CloudFormation/SAM/CDK, ACK, Terraform plan): see :mod:`aslint.templates`."""

from __future__ import annotations

from aslint.templates import ack, cloudformation, serverless, terraform_plan, terraform_source  # noqa: F401  (they register themselves)
