"""The one error the command line turns into exit code 2."""

from __future__ import annotations


class UsageError(Exception):
    """A request that cannot be carried out as given (exit code 2)."""
