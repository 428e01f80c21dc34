"""Shared helpers of the EKS and PAY rule families (recognizing EKS tasks, reading their parameters)."""
