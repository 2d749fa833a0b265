"""Search result snippets without the parts a page keeps out of the index.

Sphinx's indexer skips elements with the ``no-search`` class (a post's
header, its previous/next links), but ``searchtools.js`` builds the snippet
under each result from the page's whole main content. The search page gets
a small deferred script that drops ``.no-search`` elements before Sphinx's
own ``Search.htmlToText`` reads the page. It is added with ``add_js_file``
on that page only (Sphinx's documented per-page use); deferred scripts run
after ``searchtools.js``, which the themes load as a plain script, and before
any result is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC: Final = Path(__file__).parent / "static"
SCRIPT: Final = "sphinx-journal-search.js"


def _static_path(app: Sphinx, config: Config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def _on_search_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if templatename == "search.html":
        app.add_js_file(SCRIPT, defer="defer")


def setup_snippets(app: Sphinx) -> None:
    app.connect("config-inited", _static_path)
    app.connect("html-page-context", _on_search_page)
