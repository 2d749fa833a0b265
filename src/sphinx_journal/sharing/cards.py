"""Link previews: the OpenGraph and Twitter card tags of one page, as data and as HTML.

A messenger or a social site that is handed a link reads these ``<meta>``
tags to show a title, a description and an image instead of a bare
address. Everything here is pure: :class:`Card` says what a page is, and
:func:`card_tags` turns it into ``(attribute, key, value)`` triples, so the
Sphinx glue can leave out a tag another extension (``sphinxext.opengraph``)
or the page itself already wrote, and every value is escaped in one place
(:func:`render_tags`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from html import escape
from html.parser import HTMLParser
from typing import Final

#: ``(attribute, key, value)``: ``("property", "og:title", "Day 36")``.
Tag = tuple[str, str, str]

TWITTER_SUMMARY: Final = "summary"
TWITTER_LARGE: Final = "summary_large_image"


@dataclasses.dataclass(frozen=True)
class Card:
    """What a link preview of one page shows."""

    title: str
    type: str = "website"
    """``article`` for a post, ``website`` for the journal's own pages."""
    description: str = ""
    url: str = ""
    """The page's absolute address; empty when the site's base URL is unknown."""
    site_name: str = ""
    locale: str = ""
    """``ko_KR``, ``en_US`` …: OpenGraph's language_TERRITORY form."""
    image: str = ""
    """An absolute image address."""
    image_alt: str = ""
    published: str = ""
    """ISO 8601, with the UTC offset when the post gives one."""
    section: str = ""
    tags: tuple[str, ...] = ()


def card_tags(card: Card) -> list[Tag]:
    """The tags of ``card``, OpenGraph first, then ``article:*``, then Twitter's."""
    tags: list[Tag] = [("property", "og:title", card.title), ("property", "og:type", card.type)]
    if card.url:
        tags.append(("property", "og:url", card.url))
    if card.description:
        tags.append(("property", "og:description", card.description))
    if card.site_name:
        tags.append(("property", "og:site_name", card.site_name))
    if card.locale:
        tags.append(("property", "og:locale", card.locale))
    if card.image:
        tags.append(("property", "og:image", card.image))
        tags.append(("property", "og:image:alt", card.image_alt or card.site_name or card.title))
    if card.type == "article":
        if card.published:
            tags.append(("property", "article:published_time", card.published))
        if card.section:
            tags.append(("property", "article:section", card.section))
        tags.extend(("property", "article:tag", tag) for tag in card.tags)
    tags.append(("name", "twitter:card", TWITTER_LARGE if card.image else TWITTER_SUMMARY))
    tags.append(("name", "twitter:title", card.title))
    if card.description:
        tags.append(("name", "twitter:description", card.description))
    if card.image:
        tags.append(("name", "twitter:image", card.image))
    return tags


def render_tags(tags: Iterable[Tag]) -> str:
    """``<meta>`` elements, one a line, every value escaped."""
    return "".join(
        f'<meta {attribute}="{escape(key)}" content="{escape(value)}" />\n'
        for attribute, key, value in tags
    )


class _MetaKeys(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.keys: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta":
            return
        for name, value in attrs:
            if name in ("property", "name") and value:
                self.keys.add(value.strip().lower())


def present_keys(metatags: str) -> set[str]:
    """The ``property``/``name`` keys of the ``<meta>`` elements already in ``metatags``."""
    parser = _MetaKeys()
    parser.feed(metatags)
    parser.close()
    return parser.keys


def missing_tags(tags: Iterable[Tag], present: set[str]) -> list[Tag]:
    """The tags whose key is not already present (a key given once stands for all its values)."""
    return [tag for tag in tags if tag[1].lower() not in present]


def og_locale(language: str | None, likely: Mapping[str, str]) -> str:
    """``ko`` -> ``ko_KR`` by the likely-subtags table ``likely`` (language -> ``ll_Ssss_TT``)."""
    if not language:
        return ""
    code = language.replace("-", "_")
    parts = code.split("_")
    if len(parts) >= 2 and len(parts[-1]) == 2 and parts[-1].isalpha():
        return f"{parts[0].lower()}_{parts[-1].upper()}"
    full = likely.get(parts[0].lower(), "")
    region = full.split("_")[-1] if full.count("_") >= 1 else ""
    return f"{parts[0].lower()}_{region}" if len(region) == 2 else ""
