"""The one wiring point: every concern's ``setup_*`` is called from here, in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.bibliography import setup_bibliography
from sphinx_journal.config import setup_config
from sphinx_journal.connections import setup_connections
from sphinx_journal.domain import setup_domain
from sphinx_journal.feeds import setup_feeds
from sphinx_journal.i18n import setup_i18n
from sphinx_journal.pages.calendar import setup_calendar
from sphinx_journal.pages.freshness import setup_freshness
from sphinx_journal.pages.generated import setup_generated
from sphinx_journal.pages.listing import PostsDirective
from sphinx_journal.pages.redirects import setup_redirects
from sphinx_journal.pages.resolve import ResolveJournalNodes
from sphinx_journal.pages.staleness import setup_staleness
from sphinx_journal.posts.body import setup_body
from sphinx_journal.posts.book import setup_book
from sphinx_journal.posts.confine import setup_confine
from sphinx_journal.posts.consistency import setup_consistency
from sphinx_journal.posts.reading import setup_reading
from sphinx_journal.posts.site import setup_site
from sphinx_journal.posts.sources import setup_sources
from sphinx_journal.search import setup_search
from sphinx_journal.sections import setup_sections
from sphinx_journal.sharing import setup_sharing
from sphinx_journal.site.nodes import setup_nodes
from sphinx_journal.theme import setup_theme
from sphinx_journal.upstream import setup_upstream
from sphinx_journal.version import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Bump when the records kept in the environment change shape.
ENV_VERSION = 1


def setup(app: Sphinx) -> ExtensionMetadata:
    setup_upstream(app)
    setup_config(app)
    setup_i18n(app)
    setup_domain(app)
    setup_nodes(app)
    setup_site(app)
    setup_sources(app)
    setup_reading(app)
    setup_body(app)
    setup_confine(app)
    setup_consistency(app)
    setup_book(app)
    app.add_directive("journal-posts", PostsDirective)
    app.add_post_transform(ResolveJournalNodes)
    setup_sections(app)
    setup_bibliography(app)
    setup_connections(app)
    setup_calendar(app)
    setup_generated(app)
    setup_feeds(app)
    setup_redirects(app)
    setup_freshness(app)
    setup_staleness(app)
    setup_theme(app)
    setup_search(app)
    setup_sharing(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
