"""Links to the journal's pages and posts from any page."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from sphinx.util.osutil import relative_uri

from sphinx_journal.builders import has_journal_pages

if TYPE_CHECKING:
    from sphinx.builders import Builder


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
