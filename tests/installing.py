"""Helpers for the tests that install from a package index (marked 'network': deselect with -m "not network")."""

import os

import pytest

_INDEX_TROUBLE = ("Could not find a version that satisfies", "No matching distribution found",
                  "Failed to establish a new connection", "Temporary failure in name resolution",
                  "Network is unreachable", "Max retries exceeded", "ConnectionError", "ReadTimeoutError",
                  "Name or service not known", "Could not fetch URL", "connection refused")


def skip_if_index_unreachable(output: str) -> None:
    """Skip (with the reason) when an install failed because the package index cannot be reached."""
    lowered = output.lower()
    for sign in _INDEX_TROUBLE:
        if sign.lower() in lowered:
            pytest.skip(f"the package index cannot be reached ({sign})")


def installer_env(tmp_path) -> dict:
    """The environment for pip, virtualenv and pre-commit with every cache inside tmp_path."""
    return {**os.environ, "PIP_CACHE_DIR": str(tmp_path / "pip-cache"), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
            "VIRTUALENV_OVERRIDE_APP_DATA": str(tmp_path / "virtualenv"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
