"""Where the journal's generated pages live, and links to them from any page."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from sphinx.util.osutil import relative_uri

from sphinx_journal.builders import has_journal_pages

if TYPE_CHECKING:
    from sphinx.builders import Builder


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


@dataclasses.dataclass(frozen=True)
class Linker:
    """Builds relative links from one page (a document or a generated page)."""

    builder: Builder
    fromname: str
    _uris: dict[str, str] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Relative URI per target page: a listing links each post several times."""

    @property
    def pages_exist(self) -> bool:
        return has_journal_pages(self.builder)

    def file(self, path: str) -> str:
        """A relative link to a file the build writes (``journal/atom.xml``)."""
        return relative_uri(self.builder.get_target_uri(self.fromname), path)

    def to(self, pagename: str, anchor: str = "") -> str:
        uri = self._uris.get(pagename)
        if uri is None:
            uri = self._uris[pagename] = self.builder.get_relative_uri(self.fromname, pagename)
        return f"{uri}#{anchor}" if anchor else uri
