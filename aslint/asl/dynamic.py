"""The one test of "is this value dynamic?": known only at deployment or run time, so never
judged as a literal. Every family asks here.

- a JSONata expression: a string that begins with ``{%`` (once stripped);
- a template placeholder inside a string: ``${Name}`` (CloudFormation ``Fn::Sub``, SAM
  ``DefinitionSubstitutions``, Terraform), ``{{resolve:…}}`` (dynamic references), ``$(…)``;
- a CloudFormation function object: ``{"Ref": …}``, ``{"Fn::GetAtt": …}``, …;
- a JSONPath field given as ``Name.$`` instead of ``Name`` (see :func:`is_dynamic_field`).
"""

from __future__ import annotations

PLACEHOLDERS = ("${", "{{", "$(")


def is_expression(value) -> bool:
    """A string meant as a JSONata expression: it begins with '{%' once stripped."""
    return isinstance(value, str) and value.lstrip().startswith("{%")


def has_placeholder(value) -> bool:
    """A string with a template placeholder left in it (``${ClusterName}``, ``{{resolve:…}}``)."""
    return isinstance(value, str) and any(p in value for p in PLACEHOLDERS)


def is_dynamic(value) -> bool:
    """A JSONata expression, a template placeholder or a CloudFormation function: unknown until
    deployment or run time."""
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in ("Ref", "Condition"):
            return True
        return bool(value) and all(str(k).startswith("Fn::") for k in value)
    return isinstance(value, str) and ("{%" in value or has_placeholder(value))


def is_dynamic_field(params, name: str, jsonata: bool) -> bool:
    """The field ``name`` of a Parameters/Arguments object is given dynamically: as ``name.$``
    (JSONPath, and no literal ``name``) or as a JSONata expression."""
    if not isinstance(params, dict):
        return False
    if jsonata:
        return is_expression(params.get(name))
    return name + ".$" in params and name not in params
