"""Citing links in posts: each gets a stable anchor and a record in the domain."""

from __future__ import annotations

import sys
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_journal import priorities
from sphinx_journal.config import journal_config
from sphinx_journal.domain import journal_domain
from sphinx_journal.papers.identifiers import recognize
from sphinx_journal.papers.titles import is_generic
from sphinx_journal.posts.reading import post_meta
from sphinx_journal.records.citations import Citation
from sphinx_journal.site.links import PagePaths


class cited_papers(nodes.General, nodes.Element):
    """Where the list of papers a post cites goes, filled when the post is written."""


class CitationsTransform(SphinxTransform):
    """Record every citing link of a post and give it an anchor (``paper-arxiv-1706.03762``)."""

    default_priority = priorities.CITATIONS

    def apply(self, **kwargs: Any) -> None:
        meta = post_meta(self.env)
        if meta is None:
            return
        config = journal_config(self.config)
        papers_page = sys.intern(PagePaths(config.path).page("papers"))  # one string per pickle
        date = meta.date.day.isoformat() if meta.date else ""
        found: list[Citation] = []
        lines: dict[int, list[str]] = {}  # each paragraph's lines, read once
        self._numbers: dict[str, int] = {}
        for reference in list(self.document.findall(nodes.reference)):
            url = reference.get("refuri", "")
            paper = recognize(url, config.paper_patterns) if url else None
            if paper is None:
                continue
            anchor = self._anchor(f"paper-{paper.key}")
            reference["ids"].append(anchor)
            self.document.ids[anchor] = reference
            text = " ".join(reference.astext().split()) or str(paper)
            context = _context(reference, lines) if is_generic(text, paper) else ""
            found.append(
                Citation(
                    self.env.docname,
                    paper,
                    text,
                    anchor,
                    papers_page,
                    date,
                    reference.line,
                    len(found),
                    context,
                )
            )
        if not found:
            return
        journal_domain(self.env).citations.set(self.env.docname, tuple(found))
        top = next((n for n in self.document.children if isinstance(n, nodes.section)), None)
        if top is not None:
            neighbours = [
                i
                for i, child in enumerate(top.children)
                if type(child).__name__ == "post_neighbours"
            ]
            top.insert(neighbours[0] if neighbours else len(top.children), cited_papers())

    def _anchor(self, base: str) -> str:
        anchor = nodes.make_id(base)
        number = self._numbers.get(base, 1)  # a paper cited 5,000 times: no count from 1 each time
        while anchor in self.document.ids:
            number += 1
            anchor = nodes.make_id(f"{base}-{number}")
        self._numbers[base] = number
        return anchor


_MAX_CONTEXT = 150


def _context(reference: nodes.reference, lines: dict[int, list[str]]) -> str:
    """The words beside a bare link: its paragraph, else the list item it is nested in.

    ``[Bidirectional LSTM-CRF Models] https://arxiv.org/abs/1508.01991`` and
    ``- Sequence to sequence learning`` over ``  - https://arxiv.org/abs/1409.3215``
    name the paper although the link itself does not. ``lines`` keeps each
    paragraph's lines across the links of one post.
    """
    paragraph = reference.parent
    while paragraph is not None and not isinstance(paragraph, nodes.paragraph):
        paragraph = paragraph.parent
    if paragraph is None:
        return ""
    own = " ".join(reference.astext().split())
    if id(paragraph) not in lines:  # a paragraph of a thousand links is read once, not per link
        lines[id(paragraph)] = paragraph.astext().split("\n")
    # the link's own line only: the line before may be about something else
    line = next((ln for ln in lines[id(paragraph)] if own in ln), "")
    around = " ".join(line.replace(own, " ").split()).strip(" -:–—()[]")
    if around and len(around) <= _MAX_CONTEXT:
        return around
    item = paragraph.parent.parent if paragraph.parent is not None else None
    owner = item.parent if item is not None else None  # the list item holding the list
    if isinstance(item, nodes.bullet_list | nodes.enumerated_list) and isinstance(
        owner, nodes.list_item
    ):
        first = owner.children[0] if owner.children else None
        if isinstance(first, nodes.paragraph):
            said = " ".join(first.astext().split())
            return said if len(said) <= _MAX_CONTEXT else ""
    return ""
