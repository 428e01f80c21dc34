"""PAY family rules."""
