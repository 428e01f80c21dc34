"""Built-in rules: ``checks/<family>/<code>_<name>.py``, one rule per module."""
