"""The calendar heatmap (in progress)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_calendar(app: Sphinx) -> None:
    """Register ``{journal-calendar}`` and the home page's calendar."""
