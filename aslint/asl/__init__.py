"""Shared knowledge about Amazon States Language documents, used by every rule family."""
