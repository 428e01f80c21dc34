"""The PAY family: payload sizes (rules only; it reads the EKS family's analyses)."""
