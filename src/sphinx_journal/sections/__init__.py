"""Journal sections: schedules, lectures and retrospectives (in progress)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_sections(app: Sphinx) -> None:
    """Register the section directives, heading recognition and roll-up pages."""
