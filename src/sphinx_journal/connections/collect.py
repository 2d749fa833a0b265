"""Sphinx glue: record, while a post is read, every link it makes that may name a post.

Four ways of linking reach here: the ``{post}`` role (a pending
cross-reference of the journal domain), a relative link to a ``.md`` file
and ``{% post_url %}`` (MyST's document references), and a post's Jekyll
URL, written site-absolute (``/study/nlp/2022/03/15/week2-day2.html``),
through ``{{ site.url }}`` or as the full address under the site's base URL.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from sphinx_journal import priorities
from sphinx_journal.config import journal_config
from sphinx_journal.domain import journal_domain
from sphinx_journal.posts.reading import post_meta
from sphinx_journal.records.connections import OutLink


def site_path(target: str, docname: str) -> str | None:
    """The site path a link's target names, seen from ``docname``; ``None`` when it is none."""
    parts = urlsplit(target)
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or not path:
        return None
    joined = path if path.startswith("/") else posixpath.join(posixpath.dirname(docname), path)
    normal = posixpath.normpath(joined).lstrip("/")
    if normal.startswith("..") or normal in ("", "."):
        return None
    return normal + ("/" if path.endswith("/") else "")


def _under_base(url: str, bases: tuple[str, ...]) -> str | None:
    for base in bases:
        if base and url.startswith(base):
            return "/" + url[len(base) :].lstrip("/")
    return None


class CollectLinks(SphinxTransform):
    """Keep a post's links to other posts as :class:`~.records.OutLink` records."""

    default_priority = priorities.CONNECTIONS

    def apply(self, **kwargs: Any) -> None:
        if post_meta(self.env) is None:
            return
        docname = self.env.docname
        config = journal_config(self.config)
        bases = tuple(
            base if base.endswith("/") else base + "/"
            for base in (config.base_url, self.config.html_baseurl or "")
            if base
        )
        found: list[OutLink] = []
        for node in self.document.findall(addnodes.pending_xref):
            target = str(node.get("reftarget", ""))
            if node.get("refdomain") == "journal" and node.get("reftype") == "post":
                found.append(OutLink("post", target.strip(), node.line))
            elif node.get("reftype") == "myst":
                if node.get("refdomain") == "doc":
                    found.append(OutLink("doc", target, node.line))
                else:
                    path = site_path(target, docname)
                    if path is not None:
                        found.append(OutLink("path", path, node.line))
        for reference in self.document.findall(nodes.reference):
            url = str(reference.get("refuri", ""))
            under = _under_base(url, bases) if url else None
            path = site_path(under, docname) if under is not None else None
            if path is not None:
                found.append(OutLink("path", path, reference.line))
        first: dict[tuple[str, str], OutLink] = {}
        for link in found:
            first.setdefault((link.kind, link.target), link)
        unique = tuple(first.values())
        if unique:
            journal_domain(self.env).links.set(docname, unique)


def relinked(
    links: Mapping[str, tuple[OutLink, ...]],
    added: set[str],
    removed: set[str],
    suffixes: tuple[str, ...],
) -> set[str]:
    """Posts to read again because a post they link to as a file came or went.

    MyST settles a link to a ``.md`` file while the linking post is read (a
    link to a missing file becomes a dead link), so that post must be read
    again for its link to match a clean build. ``{post}`` roles and Jekyll
    URLs are settled when pages are written and need nothing.
    """
    stale = set()
    for docname, outlinks in links.items():
        for link in outlinks:
            if link.kind == "doc" and link.target in removed:
                stale.add(docname)
            elif link.kind == "path":
                for suffix in suffixes:
                    if link.target.endswith(suffix) and link.target[: -len(suffix)] in added:
                        stale.add(docname)
    return stale - removed


def on_env_get_outdated(
    app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    links = journal_domain(env).links.mapping()
    suffixes = tuple(env.config.source_suffix)
    return sorted(relinked(links, set(added), set(removed), suffixes))
