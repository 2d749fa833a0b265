"""The bibliography of every cited paper, with "cited in" back-references.

:mod:`.identifiers` (pure) recognises papers from URLs, :mod:`.bibtex`
(pure) reads and writes BibTeX, :mod:`.citations` finds the citing links of
a post, :mod:`.index` merges them with sphinxcontrib-bibtex's ``{cite}``
references and ``.bib`` entries, :mod:`.pages` renders the bibliography.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.bibliography import pages
from sphinx_journal.bibliography.citations import CitationsTransform, cited_papers
from sphinx_journal.bibliography.pages import PapersDirective, ResolveCitedPapers, write_bib
from sphinx_journal.site.nodes import add_placeholder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_journal.site.registry import JournalRegistry


def setup_bibliography(app: Sphinx, registry: JournalRegistry) -> None:
    """Find citations in posts; write journal/papers.html and journal/papers.bib."""
    add_placeholder(app, cited_papers)
    app.add_transform(CitationsTransform)
    app.add_post_transform(ResolveCitedPapers)
    app.add_directive("journal-papers", PapersDirective)
    app.connect("html-collect-pages", write_bib)
    pages.register(registry)
