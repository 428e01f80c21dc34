"""ASL family rules."""
