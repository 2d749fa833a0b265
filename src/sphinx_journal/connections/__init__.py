"""Connections between posts: who links to a post, related posts, series, weekly digests.

:mod:`.records` is what a post leaves of its links, :mod:`.backlinks`,
:mod:`.related`, :mod:`.series` and :mod:`.digests` compute the cross-post
views (pure), :mod:`.collect` records links while a post is read,
:mod:`.index` derives the views from the domain, :mod:`.render` turns them
into nodes and :mod:`.pages` puts them on posts, generated pages and in the
digest feed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.connections import pages
from sphinx_journal.connections.collect import CollectLinks, on_env_get_outdated
from sphinx_journal.connections.pages import (
    AddConnections,
    ResolveConnections,
    SeriesDirective,
    WeekDirective,
    post_connections,
    write_digest_feed,
)
from sphinx_journal.site.nodes import add_placeholder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_journal.site.registry import JournalRegistry


def setup_connections(app: Sphinx, registry: JournalRegistry) -> None:
    """Record links, fill the blocks of posts, write the series and week pages and the feed."""
    add_placeholder(app, post_connections)
    app.add_transform(CollectLinks)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.add_transform(AddConnections)
    app.add_post_transform(ResolveConnections)
    app.add_directive("journal-series", SeriesDirective)
    app.add_directive("journal-week", WeekDirective)
    app.connect("html-collect-pages", write_digest_feed)
    pages.register(registry)
