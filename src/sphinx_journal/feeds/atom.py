"""Atom 1.0 documents of posts (pure: records in, XML text out).

Titles and summaries are text elements, so ElementTree escapes them; dates
keep the post's UTC offset (midnight UTC when the post gives no time).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"


@dataclasses.dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    updated: dt.datetime
    summary: str = ""
    categories: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def atom_feed(
    *, feed_url: str, site_url: str, title: str, author: str, entries: Sequence[FeedEntry]
) -> str:
    """An Atom feed of ``entries`` (given newest first)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", feed_url)
    _text(feed, "title", title, type="text")
    updated = max((e.updated for e in entries), default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
    _text(feed, "updated", updated.isoformat())
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": feed_url})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": site_url})
    feed_author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(feed_author, "name", author)
    _text(feed, "generator", "sphinx-journal")
    for entry in entries:
        element = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(element, "id", entry.url)
        _text(element, "title", entry.title, type="text")
        _text(element, "updated", entry.updated.isoformat())
        ET.SubElement(element, f"{{{ATOM}}}link", {"rel": "alternate", "href": entry.url})
        for name in entry.authors:
            _text(ET.SubElement(element, f"{{{ATOM}}}author"), "name", name)
        for term in entry.categories:
            ET.SubElement(element, f"{{{ATOM}}}category", {"term": term})
        if entry.summary:
            _text(element, "summary", entry.summary, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
