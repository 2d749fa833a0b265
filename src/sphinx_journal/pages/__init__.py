"""Generated pages and listing directives.

:mod:`.links` decides where a journal page lives and how to link to it,
:mod:`.nodes` holds the placeholder nodes resolved at write time,
:mod:`.render` turns records into docutils nodes (one renderer shared by the
generated pages and the listing directives, so both always agree),
:mod:`.listing` the ``{journal-posts}`` family, :mod:`.generated` the pages
written under ``journal_path``, :mod:`.collector` what keeps the garbage
collector off the environment from those pages on, and as the process exits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.pages import calendar, generated, listing
from sphinx_journal.pages.calendar import setup_calendar
from sphinx_journal.pages.collector import setup_collector
from sphinx_journal.pages.freshness import setup_freshness
from sphinx_journal.pages.generated import setup_generated
from sphinx_journal.pages.home import setup_home
from sphinx_journal.pages.listing import PostsDirective
from sphinx_journal.pages.redirects import setup_redirects
from sphinx_journal.pages.resolve import ResolveJournalNodes
from sphinx_journal.pages.staleness import setup_staleness

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_journal.site.registry import JournalRegistry


def setup_pages(app: Sphinx, registry: JournalRegistry) -> None:
    """The listing directives, their resolution, and the journal's own pages."""
    app.add_directive("journal-posts", PostsDirective)
    app.add_post_transform(ResolveJournalNodes)
    setup_calendar(app)
    setup_generated(app)
    setup_collector(app)
    setup_home(app)
    setup_redirects(app)
    setup_freshness(app)
    setup_staleness(app)
    listing.register(registry)
    calendar.register(registry)
    generated.register(registry)
