"""The IAM family's machinery: policy statements, the evaluator, what a definition needs, the catalog."""
