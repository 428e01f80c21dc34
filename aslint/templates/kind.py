"""Template kinds (CloudFormation/SAM/CDK, ACK, Terraform plan): see :mod:`aslint.templates`."""

from __future__ import annotations

from aslint.core.facts import declare
from aslint.templates import ack, cloudformation, serverless, terraform_plan, terraform_source  # noqa: F401  (they register themselves)


# What the template extractors record about the definitions they find.
declare("template_resource", str, "the template resource (logical id, address) of the state machine")
declare("template_format", str, "cloudformation, sam, serverless, ack, terraform-plan or terraform")
declare("substitutions", dict, "DefinitionSubstitutions known literally: name -> value")
declare("substituted", bool, "the definition was rewritten by substitutions (no fix is written into it)")
declare("definition_uri", str, "the DefinitionUri the definition was read from")
declare("definition_file", str, "the file a Terraform file()/templatefile() read the definition from")
declare("unresolved_placeholders", set, "${Name} placeholders no substitution defines")
declare("incomplete", bool, "on a Terraform policy document: some of its statements could not be read")
