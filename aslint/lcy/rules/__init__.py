"""LCY family rules."""
