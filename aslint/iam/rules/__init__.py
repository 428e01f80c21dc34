"""IAM family rules."""
