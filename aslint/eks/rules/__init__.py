"""EKS family rules."""
