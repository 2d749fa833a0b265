"""``journal/papers.html``, ``journal/papers.bib``, ``{journal-papers}`` and each post's list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_journal import priorities
from sphinx_journal.bibliography.bibtex import entry_text, to_bibtex
from sphinx_journal.bibliography.citations import cited_papers
from sphinx_journal.bibliography.index import PaperEntry, bib_entries, paper_index, papers_cited_in
from sphinx_journal.builders import builder_of, has_journal_pages
from sphinx_journal.config import journal_config
from sphinx_journal.i18n import _, format_day
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.pages import render
from sphinx_journal.pages.listing import ListingDirective
from sphinx_journal.posts.index import post_title
from sphinx_journal.site.links import Linker
from sphinx_journal.site.nodes import NO_SEARCH
from sphinx_journal.site.outputs import replace_outputs
from sphinx_journal.site.registry import GeneratedPage, JournalRegistry

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _describe(entry: PaperEntry) -> nodes.paragraph:
    info = entry.info
    para = nodes.paragraph(classes=["journal-paper-head"])
    para += nodes.strong(info.title, info.title, classes=["journal-paper-title"])
    details = [", ".join(info.authors), info.venue or "", info.year or ""]
    text = ". ".join(part for part in details if part)
    if text:
        para += nodes.Text(" ")
        para += nodes.inline(text, text, classes=["journal-paper-details"])
    para += nodes.Text(" ")
    ident = str(info.id)
    if entry.url:
        para += nodes.reference(ident, ident, refuri=entry.url, classes=["journal-paper-id"])
    else:
        para += nodes.literal(ident, ident, classes=["journal-paper-id"])
    return para


def paper_list(env: BuildEnvironment, linker: Linker) -> list[nodes.Node]:
    """Every paper, first cited first, with every post that cites it."""
    entries = paper_index(env)
    if not entries:
        return render.empty(str(_("No papers cited yet.")))
    items = nodes.enumerated_list(classes=["journal-papers"])
    language = env.config.language
    for entry in entries:
        item = nodes.list_item(ids=[entry.info.id.key], classes=["journal-paper"])
        item += _describe(entry)
        cited = nodes.paragraph(classes=["journal-cited-in"])
        label = str(_("Cited in:"))
        cited += nodes.inline(label, label, classes=["journal-cited-label"])
        seen: set[str] = set()
        for place in entry.cited:
            if place.docname in seen:
                continue
            seen.add(place.docname)
            cited += nodes.Text(" ")
            cited += render.link(
                linker, place.docname, post_title(env, place.docname), place.anchor
            )
            if place.date:
                day = format_day(dt.date.fromisoformat(place.date), language)
                cited += nodes.inline(f" ({day})", f" ({day})", classes=["journal-post-date"])
        item += cited
        items += item
    return [items]


def paper_pages(app: Sphinx) -> Iterator[GeneratedPage]:
    paths = PagePaths(journal_config(app.config).path)
    env = app.env
    yield GeneratedPage(
        paths.page("papers"),
        str(_("Papers")),
        lambda linker: [_bib_link(app, linker), *paper_list(env, linker)],
        nav_order=45,
        inputs=("citations", "posts", "cite"),
    )


def _bib_link(app: Sphinx, linker: Linker) -> nodes.paragraph:
    text = str(_("Cited papers (BibTeX)"))
    para = nodes.paragraph(classes=["journal-subscribe"])
    path = f"{journal_config(app.config).path}/papers.bib"
    para += nodes.reference(text, text, refuri=linker.file(path))
    return para


def write_bib(app: Sphinx) -> list[Any]:
    """Write journal/papers.bib beside the pages, only when its content changed."""
    if not has_journal_pages(app.builder):
        return []
    entries = paper_index(app.env)
    bib = bib_entries(app.env)
    users = {
        entry.info.bib_key: entry_text(entry.info.bib_key, bib[entry.info.bib_key])
        for entry in entries
        if entry.info.bib_key in bib
    }
    text = to_bibtex((entry.info for entry in entries), users)
    replace_outputs(app, "papers", {f"{journal_config(app.config).path}/papers.bib": text})
    return []


class ResolveCitedPapers(SphinxPostTransform):
    """Fill each post's "papers cited here" list."""

    default_priority = priorities.CITED_PAPERS

    def run(self, **kwargs: Any) -> None:
        placeholders = list(self.document.findall(cited_papers))
        if not placeholders:
            return
        docname = self.env.docname
        linker = Linker(builder_of(self.env), docname)
        paths = PagePaths(journal_config(self.config).path)
        entries = papers_cited_in(self.env, docname)
        for placeholder in placeholders:
            if not entries:
                placeholder.replace_self([])
                continue
            # titles the journal found (in .bib files, in other posts' links): not the post's words
            box = nodes.container(classes=["journal-cited-here", NO_SEARCH])
            title = str(_("Papers cited here"))
            box += nodes.rubric(title, title)
            items = nodes.bullet_list()
            for entry in entries:
                item = nodes.list_item()
                para = _describe(entry)
                if linker.pages_exist:
                    para += nodes.Text(" ")
                    para += render.link(
                        linker,
                        paths.page("papers"),
                        "↗",
                        entry.info.id.key,
                        classes=["journal-paper-backlink"],
                    )
                item += para
                items += item
            box += items
            placeholder.replace_self(box)


class PapersDirective(ListingDirective):
    kind = "papers"


def _per_post(env: BuildEnvironment) -> dict[str, object]:
    shown: dict[str, list[str]] = {}
    for entry in paper_index(env):
        for place in entry.cited:
            shown.setdefault(place.docname, []).append(repr(entry.info))
    return dict(shown)


def register(registry: JournalRegistry) -> None:
    """The papers page and listing, and each post's cited papers."""
    registry.add_pages("papers", paper_pages)
    registry.add_listing(
        "papers",
        lambda context: paper_list(context.env, context.linker),
        lambda env: [repr(entry) for entry in paper_index(env)],
        inputs=("posts", "citations", "cite"),
    )
    registry.add_doc_fingerprints("papers", _per_post, inputs=("posts", "citations", "cite"))
