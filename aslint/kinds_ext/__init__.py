"""One module per further document kind (IAM policies, aws-auth, templates, …); each registers
its recognizer with :mod:`aslint.kinds` when imported."""
