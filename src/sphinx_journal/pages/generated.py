"""The pages written under ``journal_path`` in HTML builds.

They are not documents: nothing is written into the source folder (an
autobuild server would loop on it). Each page is built as a docutils tree
with the shared renderers and turned into HTML by the builder's own
translator, then rendered with the theme's ``page.html`` like any page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from docutils import nodes
from docutils.utils import new_document
from sphinx import addnodes
from sphinx.environment import CONFIG_NEW

from sphinx_journal import priorities
from sphinx_journal.builders import has_journal_pages
from sphinx_journal.compat import app_of
from sphinx_journal.config import journal_config, journal_title
from sphinx_journal.domain import journal_domain
from sphinx_journal.i18n import _
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.pages import render
from sphinx_journal.pages.collector import freeze_heap, untie
from sphinx_journal.pages.freshness import digest, frame_fingerprint, source_digests
from sphinx_journal.pages.heatmap import build_date
from sphinx_journal.posts.index import post_index
from sphinx_journal.posts.weeks import week
from sphinx_journal.records.post import Post
from sphinx_journal.records.post_index import Taxon
from sphinx_journal.site.links import Linker
from sphinx_journal.site.outputs import remember, remembered
from sphinx_journal.site.registry import (
    GeneratedPage,
    JournalRegistry,
    ListingContext,
    journal_registry,
    registry_of,
)
from sphinx_journal.version import __version__
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.writers.html5 import HTML5Translator


def _home(app: Sphinx, pages: list[GeneratedPage]) -> GeneratedPage:
    config = journal_config(app.config)
    paths = PagePaths(config.path)
    language = app.config.language

    def build(linker: Linker) -> list[nodes.Node]:
        index = post_index(app.env)
        result: list[nodes.Node] = []
        nav = nodes.bullet_list(classes=["journal-nav"])
        for page in nav_pages(pages):
            item = nodes.list_item()
            para = nodes.paragraph()
            para += render.link(linker, page.pagename, page.title)
            item += para
            nav += item
        result.append(nav)
        context = ListingContext(app.env, linker, {})
        for block in registry_of(app.env).home():
            result.extend(block(context))
        recent = index.newest_first[: config.recent_posts]
        result.append(
            render.section(
                str(_("Newest posts")),
                "newest-posts",
                render.post_list(recent, linker, paths, language),
            )
        )
        if len(index.posts) > len(recent):
            more = nodes.paragraph(classes=["journal-more"])
            more += render.link(
                linker, paths.archive, _("All {count} posts").format(count=len(index.posts))
            )
            result.append(more)
        return result

    return GeneratedPage(
        paths.home,
        journal_title(app.config),
        build,
        # the streak is current or not depending on the day of the build
        inputs=("posts", "schedules", f"built:{build_date()}"),
    )


def post_pages(app: Sphinx) -> Iterator[GeneratedPage]:
    """Tags, categories and the archive."""
    config = journal_config(app.config)
    paths = PagePaths(config.path)
    language = app.config.language
    index = post_index(app.env)

    def counts(taxa: Iterable[Taxon]) -> Callable[[], object]:
        return lambda: [(t.name, t.slug, len(t.posts)) for t in taxa]

    yield GeneratedPage(
        paths.tags,
        str(_("Tags")),
        lambda linker: render.taxonomy_index(index.tags.values(), linker, "tag", paths),
        nav_order=10,
        shows=counts(index.tags.values()),
    )
    yield GeneratedPage(
        paths.categories,
        str(_("Categories")),
        lambda linker: render.taxonomy_index(index.categories.values(), linker, "category", paths),
        nav_order=20,
        shows=counts(index.categories.values()),
    )
    yield GeneratedPage(
        paths.archive,
        str(_("Archive")),
        lambda linker: render.archive(
            index, linker, paths, language, lambda day: week(app.env, day)
        ),
        nav_order=30,
        shows=lambda: [render.listed_view(post) for post in index.posts],
    )

    def listing(posts: tuple[Post, ...]) -> Callable[[Linker], list[nodes.Node]]:
        return lambda linker: render.post_list(posts, linker, paths, language, "compact")

    def shown(posts: tuple[Post, ...]) -> Callable[[], object]:
        return lambda: [render.listed_view(post) for post in posts]

    for taxon in index.tags.values():
        yield GeneratedPage(
            paths.tag(taxon.slug),
            _("Tag: {name}").format(name=taxon.name),
            listing(taxon.posts),
            shows=shown(taxon.posts),
        )
    for taxon in index.categories.values():
        yield GeneratedPage(
            paths.category(taxon.slug),
            _("Category: {name}").format(name=taxon.name),
            listing(taxon.posts),
            shows=shown(taxon.posts),
        )


def nav_pages(pages: list[GeneratedPage]) -> list[GeneratedPage]:
    """The journal's top pages, in the order the home page and the sidebar list them."""
    listed = (page for page in pages if page.nav_order is not None)
    return sorted(listed, key=lambda page: (page.nav_order, page.pagename))


def journal_pages(env: Any) -> list[tuple[str, str]]:
    """(pagename, title) of the journal's top pages, in the home page's order."""
    return [(page.pagename, page.title) for page in nav_pages(all_pages(app_of(env)))]


def all_pages(app: Sphinx) -> list[GeneratedPage]:
    """Every generated page, the home page included, in a stable order.

    Asked for by the sidebar, the freshness check and the writing of the pages:
    made once, until a record changes (what a page shows is digested only when its
    inputs changed, see :func:`_collect_pages`).
    """
    return journal_domain(app.env).derived("generated-pages", lambda _: _all_pages(app))


def _all_pages(app: Sphinx) -> list[GeneratedPage]:
    pages = journal_registry(app).pages(app)
    pages.append(_home(app, pages))
    return sorted(pages, key=lambda page: page.pagename)


def _render_fragment(builder: StandaloneHTMLBuilder, pagename: str, node: nodes.Node) -> str:
    """HTML of ``node`` as part of ``pagename``, by the builder's own translator.

    Not :meth:`~sphinx.builders.html.StandaloneHTMLBuilder.render_partial`:
    that runs a whole docutils publisher's reader, parser and writer
    transforms over every page, and the journal's nodes are built final
    (ids, references, no markup left to interpret). The translator reads
    per-page state from the builder (the current page, its section and
    figure numbers), which holds the last document's values here: give it
    the page's own. The tree is taken apart once rendered (:func:`.untie`),
    so reference counting frees it before the next page builds its own: the
    lecture index at 1,000 posts is a tree of 100,000 nodes.
    """
    saved = (
        builder.current_docname,
        getattr(builder, "secnumbers", None),
        getattr(builder, "fignumbers", None),
    )
    builder.current_docname, builder.secnumbers, builder.fignumbers = pagename, {}, {}
    try:
        document = new_document("<journal page>", builder.docsettings)
        document += node
        visitor: HTML5Translator = builder.create_translator(document, builder)  # type: ignore[assignment]
        document.walkabout(visitor)
        untie(document)
        return "".join(visitor.fragment)
    finally:
        builder.current_docname = saved[0]
        if saved[1] is not None:
            builder.secnumbers = saved[1]
        if saved[2] is not None:
            builder.fignumbers = saved[2]


def render_page(app: Sphinx, page: GeneratedPage) -> tuple[str, dict[str, Any], str]:
    """The ``(pagename, context, template)`` of a generated page."""
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    linker = Linker(builder, page.pagename)
    section = render.section(page.title, "journal-page", page.build(linker))
    toc = local_toc(section)  # before the section is rendered, and then taken apart
    context: dict[str, Any] = {
        "title": html.escape(page.title),
        "body": _render_fragment(builder, page.pagename, section),
        "journal_page": True,
        "journal_toc": _render_fragment(builder, page.pagename, toc),
    }
    return page.pagename, context, "page.html"


def local_toc(section: nodes.section) -> nodes.bullet_list:
    """The page's own table of contents, in the shape Sphinx gives documents.

    One item for the page, its sections nested below, so furo's "On this
    page" and other themes' local tables of contents show it.
    """

    def items(parent: nodes.Element) -> nodes.bullet_list:
        found = nodes.bullet_list()
        for child in parent.children:
            if not isinstance(child, nodes.section) or not child["ids"]:
                continue
            title = child[0].astext() if child.children else ""
            para = addnodes.compact_paragraph()
            para += nodes.reference(
                title, title, internal=True, refuri="#" + child["ids"][0], anchorname=""
            )
            item = nodes.list_item("", para)
            nested = items(child)
            if nested.children:
                item += nested
            found += item
        return found

    top = addnodes.compact_paragraph()
    title = section[0].astext()
    top += nodes.reference(title, title, internal=True, refuri="#", anchorname="")
    root = nodes.list_item("", top)
    sub = items(section)
    if sub.children:
        root += sub
    return nodes.bullet_list("", root)


def _page_toc(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give a generated page its local table of contents (after the theme's own handler)."""
    toc = context.get("journal_toc")
    if not toc or not context.get("journal_page"):
        return
    context["toc"] = toc
    has_sections = toc.count("<li") > 1
    context["display_toc"] = has_sections
    if "furo_hide_toc" in context:
        context["furo_hide_toc"] = not has_sections


def _output(builder: StandaloneHTMLBuilder, outdir: Path, pagename: str) -> Path | None:
    """The file of ``pagename``, if it lies inside ``outdir``, the resolved output folder
    (it always should)."""
    path = (outdir / builder.get_outfilename(pagename)).resolve()
    return path if path.is_relative_to(outdir) else None


#: The fewest pages a build renders for which it collects and freezes the heap before
#: the first (:func:`.freeze_heap`), so that the full collections its pages trigger walk
#: only their own objects, not what writing the posts left. An edit's few pages trigger
#: none worth a collection of their own.
PAGES_BEFORE_FREEZE: Final = 8


def _collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Write the pages whose content changed; remove those no longer generated.

    Per builder, the doctree folder keeps, for each page, a digest of its
    inputs, one of what it shows and one of its rendered output. A page whose
    inputs are unchanged (and whose file exists) is not even rendered, nor one
    whose inputs changed but not what it shows; a rendered page whose output
    is unchanged is not written; the file of a page no longer
    generated (a tag now unused) is deleted: Sphinx itself removes no output.
    """
    if not has_journal_pages(app.builder):
        return
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    key = f"pages:{builder.name}"
    previous = remembered(app, key)
    if not isinstance(previous, dict):
        previous = {}
    # a fresh environment (``-E``) renders every page again: the journal itself may have
    # changed, and its inputs would not say so
    fresh = app.env.config_status == CONFIG_NEW
    frame = digest([sorted(app.env.toctree_includes.items()), frame_fingerprint(app.env)])
    base = [
        __version__,
        frame,
        builder.name,
        app.config.language,
        app.config.html_theme,
        repr(journal_config(app.config)),
    ]
    inputs = source_digests(app.env)
    outdir = Path(builder.outdir).resolve()
    current: dict[str, list[str]] = {}
    pending: list[tuple[GeneratedPage, str, str, list[str] | None, Path]] = []
    for page in all_pages(app):
        if page.pagename in app.env.all_docs:
            message = "this document's name is a journal page's; the document is kept"
            warn("page", f"{message} ({page.pagename})", page.pagename)
            continue
        state = digest([base, [inputs.get(name, name) for name in page.inputs]])
        path = _output(builder, outdir, page.pagename)
        if path is None:
            continue
        before = previous.get(page.pagename)
        if not isinstance(before, list) or len(before) != 3:
            before = None
        kept = before is not None and path.is_file() and not fresh
        if kept and before is not None and before[0] == state:
            current[page.pagename] = before
            continue
        shown = digest([base, page.title, page.shows()]) if page.shows is not None else ""
        if kept and before is not None and shown and before[2] == shown:
            current[page.pagename] = [state, before[1], shown]
            continue
        pending.append((page, state, shown, before, path))
    if len(pending) >= PAGES_BEFORE_FREEZE:
        freeze_heap()  # see pages.collector
    for page, state, shown, before, path in pending:
        pagename, context, template = render_page(app, page)
        # the frame (the sidebar) is rendered by the theme around the body: part of the output
        output = digest([frame, template, sorted(context.items())])
        current[pagename] = [state, output, shown]
        if before is not None and before[1] == output and path.is_file():
            continue
        yield pagename, context, template
    for pagename in set(previous) - set(current) - set(app.env.all_docs):
        path = _output(builder, outdir, pagename)
        if path is not None and path.is_file():
            path.unlink()
    remember(app, key, current)


def setup_generated(app: Sphinx) -> None:
    app.connect("html-collect-pages", _collect_pages)
    app.connect("html-page-context", _page_toc, priority=priorities.PAGE_TOC)


def register(registry: JournalRegistry) -> None:
    """The tag, category and archive pages."""
    registry.add_pages("posts", post_pages)
