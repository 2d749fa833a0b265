"""Atom feeds of the journal: ``journal/atom.xml`` and one per tag and per category.

Links in a feed must be absolute, so feeds are written only when
``journal_base_url`` or ``html_baseurl`` is set (otherwise one info line
says so). Drafts never appear; files are rewritten only when they change.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging

from sphinx_journal.builders import has_journal_pages
from sphinx_journal.compat import app_of, user_set
from sphinx_journal.config import journal_config, journal_title
from sphinx_journal.feeds.atom import FeedEntry, atom_feed
from sphinx_journal.i18n import _
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.posts.index import post_index
from sphinx_journal.site.outputs import replace_outputs
from sphinx_journal.site.registry import JournalRegistry, ListingContext

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from sphinx_journal.records.post import Post

logger = logging.getLogger(__name__)


def base_url(app: Sphinx) -> str:
    """The site's absolute address, ending in ``/``, or ``""``."""
    url = journal_config(app.config).base_url or app.config.html_baseurl or ""
    return url if not url or url.endswith("/") else url + "/"


def feed_paths(app: Sphinx) -> dict[str, tuple[str, tuple[Post, ...]]]:
    """Feed file (relative to the output) -> (title, posts newest first)."""
    config = journal_config(app.config)
    index = post_index(app.env)
    root = config.path
    title = journal_title(app.config)
    feeds = {f"{root}/atom.xml": (title, index.newest_first)}
    for taxon in index.tags.values():
        feeds[f"{PagePaths(root).tag(taxon.slug)}.xml"] = (f"{title} · {taxon.name}", taxon.posts)
    for taxon in index.categories.values():
        feeds[f"{PagePaths(root).category(taxon.slug)}.xml"] = (
            f"{title} · {taxon.name}",
            taxon.posts,
        )
    return feeds


def _entry(builder: Builder, base: str, post: Post) -> FeedEntry:
    assert post.meta.date is not None
    return FeedEntry(
        url=base + builder.get_target_uri(post.docname),
        title=post.title,
        updated=post.meta.date.as_datetime(),
        summary=post.excerpt,
        categories=post.tags,
        authors=post.meta.authors,
    )


def write_feeds(app: Sphinx) -> list[Any]:
    if not has_journal_pages(app.builder):
        return []
    base = base_url(app)
    if not base:
        logger.info("sphinx-journal: no journal_base_url or html_baseurl; Atom feeds skipped")
        replace_outputs(app, "feeds", {})
        return []
    config = journal_config(app.config)
    home = base + app.builder.get_target_uri(PagePaths(config.path).home)
    author = app.config.author if user_set(app.config, "author") else app.config.project
    files: dict[str, str] = {}
    for relative, (title, posts) in sorted(feed_paths(app).items()):
        dated = [post for post in posts if post.meta.date is not None][: config.feed_length]
        files[relative] = atom_feed(
            feed_url=base + relative,
            site_url=home,
            title=title,
            author=author,
            entries=[_entry(app.builder, base, post) for post in dated],
        )
    replace_outputs(app, "feeds", files)
    return []


def _feed_link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``<link rel="alternate">`` to the journal's feed in every page's head."""
    if not base_url(app) or not has_journal_pages(app.builder):
        return
    config = journal_config(app.config)
    href = context["pathto"](f"{config.path}/atom.xml", 1)
    title = journal_title(app.config)
    link = (
        f'<link rel="alternate" type="application/atom+xml" title="{escape(title)}" '
        f'href="{escape(href)}" />\n'
    )
    context["metatags"] = context.get("metatags", "") + link


def _subscribe(context: ListingContext) -> list[nodes.Node]:
    """The home page's visible links to the feed and to ``papers.bib``."""
    if not context.linker.pages_exist:
        return []
    app: Sphinx = app_of(context.env)
    root = journal_config(context.env.config).path
    para = nodes.paragraph(classes=["journal-subscribe"])
    links = []
    if base_url(app):
        links.append((str(_("Atom feed")), f"{root}/atom.xml"))
    links.append((str(_("Cited papers (BibTeX)")), f"{root}/papers.bib"))
    for position, (text, path) in enumerate(links):
        if position:
            para += nodes.Text(" · ")
        para += nodes.reference(text, text, refuri=context.linker.file(path))
    return [para]


def setup_feeds(app: Sphinx, registry: JournalRegistry) -> None:
    """Write journal/atom.xml and the per-tag and per-category feeds."""
    app.connect("html-collect-pages", write_feeds)
    app.connect("html-page-context", _feed_link)
    registry.add_home_block("subscribe", 20, _subscribe)
