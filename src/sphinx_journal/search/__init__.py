"""Search that works in Korean (SPEC §9).

:mod:`.rules` (pure) strips particles and endings, :mod:`.kiwi` adds
morphological analysis with the ``[ko]`` extra, :mod:`.language` is the
Sphinx search language and :mod:`.javascript` its browser side;
:mod:`.snippets` keeps a post's header out of result snippets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.search.language import SearchKorean
from sphinx_journal.search.snippets import setup_snippets

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["SearchKorean", "setup_search"]


def setup_search(app: Sphinx) -> None:
    """Register the ``ko`` search language and the search page's snippet script.

    Sphinx only uses it when ``html_search_language`` (or else ``language``)
    is ``ko`` or ``ko_*``: every other project keeps its own search.
    """
    app.add_search_language(SearchKorean)
    setup_snippets(app)
