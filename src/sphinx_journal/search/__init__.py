"""Search that works in Korean.

:mod:`.rules` (pure) strips particles and endings, :mod:`.kiwi` adds
morphological analysis with the ``[ko]`` extra, :mod:`.language` is the
Sphinx search language, :mod:`.javascript` its browser side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.search.language import SearchKorean

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def _register(app: Sphinx, config: Config) -> None:
    language = str(config.html_search_language or config.language or "")
    if language.lower().startswith("ko"):
        app.add_search_language(SearchKorean)


def setup_search(app: Sphinx) -> None:
    """Use the Korean search language when ``language`` (or the search language) is ``ko``."""
    app.connect("config-inited", _register)
