"""The posts in journal order and their tags and categories: a pure view of the post records.

Built from the domain's ``posts`` store whenever it changed
(:meth:`~sphinx_journal.domain.JournalDomain.post_index`), never stored: an
incremental build can therefore never show a stale list.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping

from sphinx_journal.jekyll.slugs import slugify
from sphinx_journal.records.post import Post


@dataclasses.dataclass(frozen=True)
class Taxon:
    """A tag or a category: its display name, its slug, its posts newest first."""

    name: str
    slug: str
    posts: tuple[Post, ...]
    aliases: tuple[str, ...] = ()
    """Other spellings that share the slug (each one a ``journal.tag`` warning)."""


@dataclasses.dataclass(frozen=True)
class PostIndex:
    """Every listed post and the views built from them."""

    posts: tuple[Post, ...]
    """Oldest first."""
    tags: Mapping[str, Taxon]
    categories: Mapping[str, Taxon]

    @property
    def newest_first(self) -> tuple[Post, ...]:
        return tuple(reversed(self.posts))

    @functools.cached_property
    def _positions(self) -> dict[str, int]:
        return {post.docname: position for position, post in enumerate(self.posts)}

    def neighbours(self, docname: str) -> tuple[Post | None, Post | None]:
        """The previous (older) and next (newer) post of ``docname``."""
        position = self._positions.get(docname)
        if position is None:
            return None, None
        older = self.posts[position - 1] if position > 0 else None
        newer = self.posts[position + 1] if position + 1 < len(self.posts) else None
        return older, newer

    def by_month(self) -> list[tuple[int, list[tuple[int, list[Post]]]]]:
        """Dated posts by year then month, newest first."""
        years: dict[int, dict[int, list[Post]]] = {}
        for post in self.newest_first:
            if post.meta.date is not None:
                day = post.meta.date.day
                years.setdefault(day.year, {}).setdefault(day.month, []).append(post)
        return [(year, list(months.items())) for year, months in years.items()]

    @property
    def undated(self) -> tuple[Post, ...]:
        return tuple(post for post in self.posts if post.meta.date is None)


def _taxonomy(posts: Iterable[Post], names_of: str) -> dict[str, Taxon]:
    found: dict[str, tuple[list[str], dict[str, Post]]] = {}
    for post in posts:
        for name in getattr(post, names_of):
            names, members = found.setdefault(slugify(name), ([], {}))
            if name not in names:
                names.append(name)
            members.setdefault(post.docname, post)  # a post listed once (by docname, in order)
    return {
        slug: Taxon(names[0], slug, tuple(reversed(members.values())), tuple(names[1:]))
        for slug, (names, members) in sorted(found.items())
    }


def build_index(posts: Iterable[Post], *, drafts: bool) -> PostIndex:
    """The index of ``posts``; drafts are left out unless ``drafts``."""
    listed = sorted(
        (post for post in posts if drafts or not post.meta.draft), key=lambda p: p.sort_key
    )
    return PostIndex(
        posts=tuple(listed),
        tags=_taxonomy(listed, "tags"),
        categories=_taxonomy(listed, "categories"),
    )
