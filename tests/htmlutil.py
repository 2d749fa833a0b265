"""Reading the HTML users get: parsed with html5lib, queried with ElementTree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote
from xml.etree.ElementTree import Element

import html5lib
from sphinx.util.inventory import InventoryFile


def parse(path: Path) -> Element:
    root: Element = html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    return root


def text(element: Element | None) -> str:
    """The element's text with whitespace collapsed."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).replace("¶", "").split())


def by_class(root: Element, cls: str, tag: str = "*") -> list[Element]:
    return [el for el in root.iter(tag) if cls in (el.get("class") or "").split()]


def one(root: Element, cls: str, tag: str = "*") -> Element:
    found = by_class(root, cls, tag)
    assert len(found) == 1, f"{len(found)} elements with class {cls!r}"
    return found[0]


def main(root: Element) -> Element:
    """The page's main content (furo's article, or the basic theme's body)."""
    for el in root.iter():
        if el.tag == "article" and el.get("role") == "main":
            return el
        if el.get("role") == "main" or "body" in (el.get("class") or "").split():
            return el
    raise AssertionError("no main content")


def links(element: Element) -> Iterator[tuple[str, str]]:
    """(text, href) of every link inside ``element``."""
    for anchor in element.iter("a"):
        yield text(anchor), anchor.get("href") or ""


def resolve(page: Path, href: str) -> Path:
    """The file a relative link on ``page`` points to (anchors and queries dropped)."""
    target = unquote(href.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0])
    resolved = (page.parent / target).resolve() if target else page
    if resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved


def inventory(path: Path, objtype: str) -> set[str]:
    """Names of ``objtype`` (``journal:lecture``) in an ``objects.inv``."""
    loaded = InventoryFile.loads(path.read_bytes(), uri="")
    data = loaded.data if hasattr(loaded, "data") else loaded
    return set(data[objtype])
