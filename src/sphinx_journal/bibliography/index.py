"""The bibliography: linked papers and ``{cite}`` references merged, with who cites them.

Derived after reading from the journal's citation records and
sphinxcontrib-bibtex's own data; never stored. A ``.bib`` entry whose
``doi``, ``eprint`` or ``url`` names a linked paper supplies its title,
authors, year and venue, and the two are one entry.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from sphinx_journal.bibliography.bibtex import PaperInfo, entry_id, info_from_entry
from sphinx_journal.compat import bibtex_citation_refs, bibtex_entries
from sphinx_journal.domain import journal_domain
from sphinx_journal.papers.identifiers import PaperId, safe_link
from sphinx_journal.papers.titles import best_title
from sphinx_journal.posts.index import post_index

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


@dataclasses.dataclass(frozen=True)
class Cited:
    """One place a paper is cited: the document, the anchor of the link, its date."""

    docname: str
    anchor: str
    date: str
    order: int = 0
    """Position in its document, so a post's papers keep the order it cites them in."""


@dataclasses.dataclass(frozen=True)
class PaperEntry:
    info: PaperInfo
    cited: tuple[Cited, ...]
    url: str

    @property
    def first(self) -> tuple[str, str, int, str]:
        first = self.cited[0]
        return (first.date, first.docname, first.order, first.anchor)


def bib_entries(env: BuildEnvironment) -> dict[str, Any]:
    return bibtex_entries(env)


def _date_of(env: BuildEnvironment, docname: str) -> str:
    post = journal_domain(env).posts.get(docname)
    return post.meta.date.day.isoformat() if post is not None and post.meta.date else ""


def paper_index(env: BuildEnvironment) -> list[PaperEntry]:
    """Every cited paper, sorted by its first citation (computed once per build)."""
    return journal_domain(env).derived("papers", lambda _: _paper_index(env))


def papers_cited_in(env: BuildEnvironment, docname: str) -> list[PaperEntry]:
    """The papers ``docname`` cites, in :func:`paper_index`'s order.

    Grouped once per build for all documents: each post asks for its own, and
    scanning every paper's citations for every post would grow with the
    square of the journal.
    """
    by_doc = journal_domain(env).derived("papers-by-doc", lambda _: _by_document(env))
    return by_doc.get(docname, [])


def _by_document(env: BuildEnvironment) -> dict[str, list[PaperEntry]]:
    grouped: dict[str, list[PaperEntry]] = {}
    for entry in paper_index(env):
        for docname in dict.fromkeys(place.docname for place in entry.cited):
            grouped.setdefault(docname, []).append(entry)
    return grouped


def _paper_index(env: BuildEnvironment) -> list[PaperEntry]:
    listed = {post.docname for post in post_index(env).posts}
    entries = bib_entries(env)
    by_id: dict[PaperId, tuple[str, Any]] = {}
    for key in sorted(entries):
        found = entry_id(entries[key].fields)
        if found is not None:
            by_id.setdefault(found, (key, entries[key]))

    infos: dict[PaperId, PaperInfo] = {}
    urls: dict[PaperId, str] = {}
    cited: dict[PaperId, list[Cited]] = {}
    texts: dict[PaperId, list[str]] = {}
    contexts: dict[PaperId, list[str]] = {}
    for docname, records in journal_domain(env).citations.items():
        if docname not in listed:
            continue
        for citation in records:
            paper = citation.paper
            if paper not in infos:
                known = by_id.get(paper)
                infos[paper] = (
                    info_from_entry(known[0], known[1], paper) if known else PaperInfo(paper, "")
                )
                urls[paper] = paper.url
            texts.setdefault(paper, []).append(citation.text)
            contexts.setdefault(paper, []).append(citation.context)
            cited.setdefault(paper, []).append(
                Cited(docname, citation.anchor, _date_of(env, docname), citation.order)
            )

    for paper, said in texts.items():
        if not infos[paper].title:  # no .bib entry titled it: the most informative link text
            infos[paper] = dataclasses.replace(
                infos[paper], title=best_title(said, paper, contexts[paper])
            )

    refs = bibtex_citation_refs(env)
    for ref in sorted(refs, key=lambda r: (r.docname, r.line or 0, r.citation_ref_id)):
        for target in ref.targets:
            entry = entries.get(target.key)
            if entry is None:
                continue
            info = info_from_entry(target.key, entry)
            paper = info.id
            infos.setdefault(paper, info)
            urls.setdefault(
                paper, paper.url if paper.scheme != "bib" else str(entry.fields.get("url", ""))
            )
            cited.setdefault(paper, []).append(
                Cited(ref.docname, ref.citation_ref_id, _date_of(env, ref.docname), ref.line or 0)
            )

    result = [
        PaperEntry(
            infos[paper],
            tuple(sorted(cited[paper], key=lambda c: (c.date, c.docname, c.order, c.anchor))),
            safe_link(urls[paper]) or "",
        )
        for paper in infos
    ]
    return sorted(result, key=lambda entry: (entry.first, str(entry.info.id)))
