"""Citing links in posts: each gets a stable anchor and a record in the domain."""

from __future__ import annotations

import re
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


def _context(reference: nodes.reference, cache: dict[int, list[str]]) -> str:
    """The words beside a bare link: its line, else the list item it stands in.

    ``[Bidirectional LSTM-CRF Models] https://arxiv.org/abs/1508.01991`` and
    ``- Sequence to sequence learning`` over ``  - https://arxiv.org/abs/1409.3215``
    name the paper although the link itself does not; so does a list item's
    first line when a link alone follows it (``- **Title**`` then
    ``(https://…)``). Words that are generic themselves (``논문: <url>``) are
    passed over for the list item that holds them. ``cache`` keeps each
    paragraph's lines across the links of one post.
    """
    paragraph = reference.parent
    while paragraph is not None and not isinstance(paragraph, nodes.paragraph):
        paragraph = paragraph.parent
    if paragraph is None:
        return ""
    own = " ".join(reference.astext().split())
    if id(paragraph) not in cache:  # a paragraph of a thousand links is read once, not per link
        cache[id(paragraph)] = _lines(paragraph) or [""]
    lines = cache[id(paragraph)]
    # the link's own line only: the line before may be about something else
    at = next((n for n, ln in enumerate(lines) if own in ln), 0)
    around = " ".join(lines[at].replace(own, " ").split()).strip(" -:–—()[]")
    if around and len(around) <= _MAX_CONTEXT and not is_generic(around):
        return around
    # a list item whose first line is followed by a link alone: that line names it
    if isinstance(paragraph.parent, nodes.list_item) and not around and at == 1:
        said = " ".join(lines[0].split())  # ``- **Title**`` over ``(https://…)``
        if len(said) <= _MAX_CONTEXT and not is_generic(said):
            return said
    item = paragraph.parent.parent if paragraph.parent is not None else None
    owner = item.parent if item is not None else None  # the list item holding the list
    if isinstance(item, nodes.bullet_list | nodes.enumerated_list) and isinstance(
        owner, nodes.list_item
    ):
        first = owner.children[0] if owner.children else None
        if isinstance(first, nodes.paragraph):
            said = " ".join(first.astext().split())
            return said if len(said) <= _MAX_CONTEXT else ""
    return around if len(around) <= _MAX_CONTEXT else ""


_BREAK = re.compile(r"^\s*(?:<br\s*/?>|\\\\)\s*$", re.IGNORECASE)


def _lines(paragraph: nodes.paragraph) -> list[str]:
    """The paragraph's lines as a reader sees them.

    A hard line break (``<br />``, ``\\\\``) ends a line too, and other raw
    markup (``<span style=…>``) is no words of the post.
    """
    text = "".join(
        ("\n" if _BREAK.match(child.astext()) else "")
        if isinstance(child, nodes.raw)
        else child.astext()
        for child in paragraph.children
    )
    return [line for line in text.split("\n") if line.strip()]
