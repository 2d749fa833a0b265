"""Series of posts (pure): ``series:`` names one, ``series_order:`` orders it."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable

from sphinx_journal.jekyll.slugs import slugify
from sphinx_journal.records.post import Post


@dataclasses.dataclass(frozen=True)
class Series:
    """A series: its name (as its first post spells it), its slug, its posts in order."""

    name: str
    slug: str
    posts: tuple[Post, ...]

    @functools.cached_property
    def _positions(self) -> dict[str, int]:
        return {post.docname: position for position, post in enumerate(self.posts)}

    def position(self, docname: str) -> int | None:
        return self._positions.get(docname)

    def neighbours(self, docname: str) -> tuple[Post | None, Post | None]:
        """The posts before and after ``docname`` within the series."""
        position = self._positions.get(docname)
        if position is None:
            return None, None
        before = self.posts[position - 1] if position > 0 else None
        after = self.posts[position + 1] if position + 1 < len(self.posts) else None
        return before, after


def _order(post: Post) -> tuple[bool, float, tuple[str, str, str]]:
    """Posts with a ``series_order`` first, by it; then the others by date."""
    order = post.meta.series_order
    return (order is None, order or 0.0, post.sort_key)


def build_series(posts: Iterable[Post]) -> dict[str, Series]:
    """Every series of ``posts`` (oldest first), by slug; names that share a slug are one."""
    found: dict[str, tuple[str, list[Post]]] = {}
    for post in posts:
        if post.meta.series:
            slug = slugify(post.meta.series)
            found.setdefault(slug, (post.meta.series, []))[1].append(post)
    return {
        slug: Series(name, slug, tuple(sorted(members, key=_order)))
        for slug, (name, members) in sorted(found.items())
    }
