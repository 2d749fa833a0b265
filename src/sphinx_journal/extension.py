"""The one wiring point: each package's ``setup_<package>`` is called from here, in order.

The order is the layering, bottom up: the extensions the journal stands on
and its configuration, the domain, the foundations, the posts, then the
features. Features register their pages, listings and fingerprints into the
application's :class:`~sphinx_journal.site.registry.JournalRegistry`, made
here; nothing is registered by importing a module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.bibliography import setup_bibliography
from sphinx_journal.config import setup_config
from sphinx_journal.connections import setup_connections
from sphinx_journal.domain import setup_domain
from sphinx_journal.feeds import setup_feeds
from sphinx_journal.i18n import setup_i18n
from sphinx_journal.pages import setup_pages
from sphinx_journal.posts import setup_posts
from sphinx_journal.search import setup_search
from sphinx_journal.sections import setup_sections
from sphinx_journal.sharing import setup_sharing
from sphinx_journal.site import setup_site
from sphinx_journal.site.registry import install_registry
from sphinx_journal.theme import setup_theme
from sphinx_journal.upstream import setup_upstream
from sphinx_journal.version import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Bump when the records kept in the environment change shape.
ENV_VERSION = 2


def setup(app: Sphinx) -> ExtensionMetadata:
    registry = install_registry(app)
    setup_upstream(app)
    setup_config(app)
    setup_i18n(app)
    setup_domain(app)
    setup_site(app)
    setup_posts(app)
    setup_pages(app, registry)
    setup_sections(app, registry)
    setup_bibliography(app, registry)
    setup_feeds(app, registry)
    setup_connections(app, registry)
    setup_theme(app, registry)
    setup_search(app)
    setup_sharing(app, registry)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
