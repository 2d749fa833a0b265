"""Foundations every feature stands on: where journal pages live and how to link to them
(:mod:`.links`), placeholder nodes resolved at write time (:mod:`.nodes`),
files the journal writes (:mod:`.outputs`) and the registry of what the
features contribute (:mod:`.registry`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.site.nodes import setup_nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_site(app: Sphinx) -> None:
    """The placeholder nodes every feature uses."""
    setup_nodes(app)
