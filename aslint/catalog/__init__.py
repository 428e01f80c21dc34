"""The rule catalog: the rule docs (``rules/*.md``) and the declarative rules they may carry."""
