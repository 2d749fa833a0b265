"""Tag and category badges: one sphinx-design badge per name, linked to its page.

The post header makes them while a post is read, when the builder (and so
whether journal pages exist) is not known yet: it links through a
placeholder. Listings make them while a page is written and link directly.
Both go through :func:`badges`, so a badge looks the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from docutils import nodes

from sphinx_journal.jekyll.slugs import slugify

CATEGORY_BADGE = [
    "sd-sphinx-override",
    "sd-badge",
    "sd-bg-primary",
    "sd-bg-text-primary",
    "journal-category-badge",
]
TAG_BADGE = [
    "sd-sphinx-override",
    "sd-badge",
    "sd-outline-secondary",
    "sd-text-secondary",
    "journal-tag-badge",
]


def badges(
    names: Iterable[str],
    page_of: Callable[[str], str],
    classes: Sequence[str],
    link: Callable[[str], nodes.Element | None],
) -> list[nodes.Node]:
    """One badge per name, inside ``link(page)`` (or bare when that is ``None``).

    ``page_of`` turns a name's slug into its page (a tag's or a category's).
    """
    result: list[nodes.Node] = []
    for name in names:
        badge: nodes.Element = nodes.inline(name, name, classes=list(classes))
        wrapper = link(page_of(slugify(name)))
        if wrapper is not None:
            wrapper += badge
            badge = wrapper
        result.extend([badge, nodes.Text(" ")])
    return result
