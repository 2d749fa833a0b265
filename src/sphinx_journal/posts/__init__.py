"""Posts: Jekyll files read as they are.

Pure modules (no Sphinx): :mod:`.frontmatter` splits and loads the YAML,
:mod:`.metadata` turns it into a typed :class:`~.metadata.PostMeta` with
Jekyll's rules, :mod:`.dates`, :mod:`.liquid` and :mod:`.slugs`.
Sphinx glue: :mod:`.reading` (source-read, the title transform, the record).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.posts.body import setup_body
from sphinx_journal.posts.book import setup_book
from sphinx_journal.posts.confine import setup_confine
from sphinx_journal.posts.insertion import setup_insertion
from sphinx_journal.posts.nesting import setup_nesting
from sphinx_journal.posts.reading import setup_reading
from sphinx_journal.posts.site import setup_site
from sphinx_journal.posts.sources import setup_sources

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_posts(app: Sphinx) -> None:
    """Find the posts, read each as Jekyll does, keep them confined to the source folder."""
    setup_site(app)
    setup_sources(app)
    setup_reading(app)
    setup_body(app)
    setup_confine(app)
    setup_insertion(app)
    setup_nesting(app)
    setup_book(app)
