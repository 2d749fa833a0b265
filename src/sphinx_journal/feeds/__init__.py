"""Atom feeds of the journal (in progress)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_feeds(app: Sphinx) -> None:
    """Write journal/atom.xml and the per-tag and per-category feeds."""
