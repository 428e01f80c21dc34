"""AUTH family rules."""
