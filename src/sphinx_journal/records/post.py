"""The record a post leaves in the journal domain (one per document)."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator

from sphinx_journal.jekyll.metadata import PostMeta
from sphinx_journal.pickling import PickledAsFields
from sphinx_journal.records.targets import Target


@dataclasses.dataclass(frozen=True)
class Post(PickledAsFields):
    """What listings, feeds and indexes need to know about a post, and nothing more.

    The doctree is not kept: excerpts are stored as plain text, so the
    environment stays small and listings never re-render a post's body.
    """

    docname: str
    title: str
    meta: PostMeta
    excerpt: str

    @functools.cached_property
    def sort_key(self) -> tuple[str, str, str]:
        """Chronological order; undated posts come first, by docname."""
        if self.meta.date is None:
            return ("", "", self.docname)
        return (*self.meta.date.sort_key, self.docname)

    @property
    def tags(self) -> tuple[str, ...]:
        return self.meta.tags

    @property
    def categories(self) -> tuple[str, ...]:
        return self.meta.categories

    def xref_targets(self) -> Iterator[Target]:
        """A post is linked by its docname, and by its date (the first post of that day)."""
        yield Target(
            "post", self.docname, self.title, self.docname, "", self.sort_key, searched=False
        )
        if self.meta.date is not None:
            yield Target(
                "post",
                self.meta.date.day.isoformat(),
                self.title,
                self.docname,
                "",
                self.sort_key,
                inventory=False,
            )
