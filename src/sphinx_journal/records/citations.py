"""The record of a link from a post to a paper."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from sphinx_journal.papers.identifiers import PaperId
from sphinx_journal.pickling import PickledAsFields
from sphinx_journal.records.targets import Target


@dataclasses.dataclass(frozen=True, slots=True)
class Citation(PickledAsFields):
    """One link from a post to a paper.

    What the post and the configuration say (the post's date, where the
    papers page is) is not repeated in each of its citations.
    """

    docname: str
    paper: PaperId
    text: str
    anchor: str
    line: int | None = None
    order: int = 0
    context: str = ""
    """What the post says around a link whose own text names nothing (a bare URL)."""

    def xref_targets(self, papers_page: str, day: str) -> Iterator[Target]:
        """``{paper}`` lands on the bibliography entry, or on the citing post without pages.

        ``papers_page`` is the bibliography's pagename, ``day`` the citing post's date
        (ISO, ``""`` when undated): the citing posts are tried oldest first.
        """
        name = str(self.paper)
        yield Target("paper", name, self.text, papers_page, self.paper.key, ("0",))
        yield Target(
            "paper",
            name,
            self.text,
            self.docname,
            self.anchor,
            ("1", day, self.docname),
            inventory=False,
        )
