"""DAT family rules."""
