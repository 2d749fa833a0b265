"""Where the journal's generated pages live: their pagenames under ``journal_path``.

A pure naming rule, below the domain (which links ``{paper}`` to the papers
page) and every feature that writes or links a generated page.
"""

from __future__ import annotations

import dataclasses


def _not_index(slug: str) -> str:
    """A tag named ``index`` must not take the place of the index of tags.

    Slugs never end in ``-``, so ``index-`` is no other tag's page.
    """
    return "index-" if slug == "index" else slug


@dataclasses.dataclass(frozen=True)
class PagePaths:
    """The pagenames (no suffix) of the generated pages under ``journal_path``."""

    root: str

    @property
    def home(self) -> str:
        return f"{self.root}/index"

    @property
    def tags(self) -> str:
        return f"{self.root}/tags/index"

    @property
    def categories(self) -> str:
        return f"{self.root}/categories/index"

    @property
    def archive(self) -> str:
        return f"{self.root}/archive"

    def tag(self, slug: str) -> str:
        return f"{self.root}/tags/{_not_index(slug)}"

    def category(self, slug: str) -> str:
        return f"{self.root}/categories/{_not_index(slug)}"

    def week(self, slug: str) -> str:
        """A week's digest (``slug`` from :attr:`~sphinx_journal.records.weeks.Week.slug`)."""
        return f"{self.root}/weeks/{slug}"

    @property
    def series_index(self) -> str:
        return f"{self.root}/series/index"

    def series(self, slug: str) -> str:
        return f"{self.root}/series/{slug}"

    def page(self, name: str) -> str:
        """Any other page of the journal (``lectures``, ``papers`` …)."""
        return f"{self.root}/{name}"
