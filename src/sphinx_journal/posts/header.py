"""The header shown above a post's body: subtitle, date, reading time, authors, badges.

Built while the post is read, from the post alone; the badge links are
:class:`~sphinx_journal.site.nodes.page_link` placeholders because where a
tag page lives depends on the builder.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

from docutils import nodes

from sphinx_journal.i18n import _, format_day
from sphinx_journal.jekyll.metadata import PostMeta
from sphinx_journal.jekyll.slugs import slugify
from sphinx_journal.site.links import PagePaths
from sphinx_journal.site.nodes import NO_SEARCH, page_link

CATEGORY_BADGE = ["sd-sphinx-override", "sd-badge", "sd-bg-primary", "sd-bg-text-primary"]
TAG_BADGE = ["sd-sphinx-override", "sd-badge", "sd-outline-secondary", "sd-text-secondary"]


def reading_minutes(words: int, words_per_minute: int) -> int:
    """Whole minutes, at least one."""
    return max(1, math.ceil(words / words_per_minute))


def badge_links(
    names: Iterable[str], page_of: str, paths: PagePaths, classes: list[str]
) -> list[nodes.Node]:
    """One linked badge per name, to its tag or category page."""
    result: list[nodes.Node] = []
    for name in names:
        slug = slugify(name)
        page = paths.tag(slug) if page_of == "tag" else paths.category(slug)
        link = page_link("", "", page=page, classes=["journal-badge", f"journal-{page_of}"])
        link += nodes.inline(name, name, classes=list(classes))
        result.extend([link, nodes.Text(" ")])
    return result


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
        badges.extend(badge_links(meta.categories, "category", paths, CATEGORY_BADGE))
        badges.extend(badge_links(meta.tags, "tag", paths, TAG_BADGE))
        header += badges
    return header
