"""``sitemap.xml`` through sphinx-sitemap, complete after every build.

sphinx-sitemap is set up when the site's base URL is known (without one a
sitemap cannot be written, and it would warn on every build of a journal
that is never published), and only then; a project that lists it keeps it
as it is. The journal's defaults only fill what the user left unset:
``site_url`` is the base URL (with its ``/``), and URLs are
``{base}{link}``, since a journal lives at its base URL (Read the Docs'
canonical URL already holds the language and version).

sphinx-sitemap lists the pages rendered in *this* build, so an incremental
build would write a sitemap of the changed pages only (its issue #13). Just
before it writes, every page of the site is added through its own
``add_html_link`` (same links, same ``sitemap_excludes``), drafts are taken
out, and the links are put back in sorted order, percent-encoded, so that
``-j 2`` and ``-j 1`` write the same file.
"""

from __future__ import annotations

import queue
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

from sphinx_journal.compat import user_set
from sphinx_journal.domain import journal_domain
from sphinx_journal.pages.generated import all_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

EXTENSION: Final = "sphinx_sitemap"
#: Builders whose pages are the site's own addresses.
SITE_BUILDERS: Final = frozenset({"html", "dirhtml"})


def setup_sitemap(app: Sphinx, config: Config, base: str) -> None:
    """Set up sphinx-sitemap for a site at ``base``, keeping what the user set."""
    if EXTENSION not in app.extensions:
        app.setup_extension(EXTENSION)
    if not user_set(config, "site_url"):
        config.site_url = base
    if not user_set(config, "sitemap_url_scheme"):
        config.sitemap_url_scheme = "{link}"
    if not user_set(config, "sitemap_locales"):
        config.sitemap_locales = [None]


def _drain(links: Any) -> list[tuple[str, str | None]]:
    found = []
    while True:
        try:
            found.append(links.get_nowait())
        except queue.Empty:
            return found


def _links_of(app: Sphinx, pagenames: list[str]) -> list[tuple[str, str | None]]:
    """The sitemap entries sphinx-sitemap makes for ``pagenames`` (excludes applied)."""
    from sphinx_sitemap import add_html_link  # noqa: PLC0415  (set up only with a base URL)

    shared = app.sitemap_links  # type: ignore[attr-defined]
    local: queue.Queue[tuple[str, str | None]] = queue.Queue()
    app.sitemap_links = local  # type: ignore[attr-defined]
    try:
        for pagename in pagenames:
            add_html_link(app, pagename, "page.html", {}, None)
    finally:
        app.sitemap_links = shared  # type: ignore[attr-defined]
    return _drain(local)


def complete_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    """Give sphinx-sitemap every page of the site, drafts excepted, in a stable order."""
    shared = getattr(app, "sitemap_links", None)
    if exception is not None or shared is None or app.builder.name not in SITE_BUILDERS:
        return
    env = app.env
    posts = journal_domain(env).posts
    drafts = sorted(doc for doc, post in posts.items() if post.meta.draft)
    pages = [doc for doc in sorted(env.all_docs) if doc not in set(drafts)]
    pages += [page.pagename for page in all_pages(app)]
    hidden = {link for link, _ in _links_of(app, drafts)}
    merged: dict[str, str | None] = {}
    for link, lastmod in [*_drain(shared), *_links_of(app, pages)]:
        if link not in hidden and merged.get(link) is None:
            merged[link] = lastmod
    encoded = sorted((quote(link, safe="/~"), lastmod) for link, lastmod in merged.items())
    for entry in encoded:
        shared.put(entry)
