"""DAT family: the shape of the state data along every path, and the reads that cannot succeed."""
