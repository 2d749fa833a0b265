"""Redirect pages from Jekyll permalinks (in progress)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_redirects(app: Sphinx) -> None:
    """Write redirect pages from Jekyll's permalinks when ``journal_jekyll_redirects``."""
