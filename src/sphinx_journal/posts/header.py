"""The header shown above a post's body: subtitle, date, reading time, authors, badges.

Built while the post is read, from the post alone; the badge links are
:class:`~sphinx_journal.site.nodes.page_link` placeholders because where a
tag page lives depends on the builder.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable

from docutils import nodes

from sphinx_journal.i18n import _, format_day
from sphinx_journal.jekyll.metadata import PostMeta
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.site.badges import CATEGORY_BADGE, TAG_BADGE
from sphinx_journal.site.badges import badges as make_badges
from sphinx_journal.site.nodes import NO_SEARCH, page_link


def reading_minutes(words: int, words_per_minute: int) -> int:
    """Whole minutes, at least one."""
    return max(1, math.ceil(words / words_per_minute))


def _placeholder(kind: str) -> Callable[[str], nodes.Element]:
    """A badge's link while the post is read: resolved when its page is written."""

    def link(page: str) -> nodes.Element:
        return page_link("", "", page=page, classes=["journal-badge", f"journal-{kind}"])

    return link


def build_header(
    meta: PostMeta, words: int, words_per_minute: int, language: str | None, paths: PagePaths
) -> nodes.container:
    """The header node of a post."""
    header = nodes.container(classes=["journal-post-header", NO_SEARCH])
    if meta.subtitle:
        header += nodes.paragraph(meta.subtitle, meta.subtitle, classes=["journal-post-subtitle"])
    info = nodes.paragraph(classes=["journal-post-info"])
    parts: list[nodes.Node] = []
    if meta.date is not None:
        day = format_day(meta.date.day, language)
        # HTML readers (and search engines) get the machine date in a <time> element
        stamp = html.escape(meta.date.isoformat(), quote=True)
        parts.append(
            nodes.inline(
                "",
                "",
                nodes.raw("", f'<time datetime="{stamp}">', format="html"),
                nodes.inline(day, day, classes=["journal-post-date"]),
                nodes.raw("", "</time>", format="html"),
                classes=["journal-post-time"],
            )
        )
    minutes = _("{minutes} min read").format(minutes=reading_minutes(words, words_per_minute))
    parts.append(nodes.inline(minutes, minutes, classes=["journal-reading-time"]))
    if meta.authors:
        names = ", ".join(meta.authors)
        parts.append(nodes.inline(names, names, classes=["journal-post-authors"]))
    for position, part in enumerate(parts):
        if position:
            info += nodes.inline(" · ", " · ", classes=["journal-separator"])
        info += part
    header += info
    if meta.categories or meta.tags:
        badges = nodes.paragraph(classes=["journal-post-badges"])
        for taxa, page_of, kind, classes in (
            (meta.categories, paths.category, "category", CATEGORY_BADGE),
            (meta.tags, paths.tag, "tag", TAG_BADGE),
        ):
            badges.extend(make_badges(taxa, page_of, classes, _placeholder(kind)))
        header += badges
    return header
