"""State machines where they really live: CloudFormation and SAM templates (inline ``Definition``,
``DefinitionString`` built with ``Fn::Sub``/``Fn::Join`` as CDK emits it, ``DefinitionUri``), AWS
Controllers for Kubernetes manifests and Terraform JSON plans. Each module registers a recognizer
and an extractor (see :mod:`aslint.core.kinds`); ``aslint.templates.kind`` imports them all.
"""
