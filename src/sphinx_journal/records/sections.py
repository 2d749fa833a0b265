"""The records the journal keeps of schedules, lectures, retrospectives, peer sessions.

Small, frozen and free of doctree nodes, so the environment stays small; a
post written with directives and a post recognised from its headings leave
the same records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from sphinx_journal.jekyll.slugs import slugify
from sphinx_journal.pickling import PickledAsFields
from sphinx_journal.records.base import DatedRecord
from sphinx_journal.records.targets import Target


@dataclasses.dataclass(frozen=True, slots=True)
class Task(PickledAsFields):
    """One checklist item: its text, whether it is done, how deep it is nested."""

    text: str
    done: bool
    depth: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class Schedule(DatedRecord, PickledAsFields):
    """A day's checklist, or the task items of one other section of a post.

    ``label`` is empty for a schedule (a ``schedule`` section or directive)
    and is the heading of the section that holds the items otherwise: every
    task item counts toward progress, wherever it stands.
    """

    docname: str
    anchor: str
    date: dt.date | None
    tasks: tuple[Task, ...]
    line: int | None = None
    label: str = ""

    @property
    def is_schedule(self) -> bool:
        """The day's plan (a ``schedule`` section or directive), not another section's tasks."""
        return not self.label

    @property
    def done(self) -> int:
        return sum(task.done for task in self.tasks)

    @property
    def total(self) -> int:
        return len(self.tasks)


@dataclasses.dataclass(frozen=True, slots=True)
class Lecture(DatedRecord, PickledAsFields):
    """A lecture's notes: who gave it, in which series, where the notes are.

    Its anchor is ``lecture-<label>`` and is not stored (each lecture would
    repeat its title in it): only a lecture whose label another place of
    its post took keeps the anchor it has instead (:attr:`other_anchor`).
    """

    docname: str
    title: str
    explicit_label: str
    """The ``:label:`` given, or ``""`` when the label is the title's slug."""
    date: dt.date | None
    speaker: str = ""
    affiliation: str = ""
    series: str = ""
    tags: tuple[str, ...] = ()
    line: int | None = None
    number: int | None = None
    """The lecture's number within its series (``[3강]``, ``Lecture 3:``)."""
    recognised: bool = False
    """Made from a heading, not a directive: a label it shares is no error."""
    other_anchor: str | None = None
    """The heading's own id when ``lecture-<label>`` was taken in the post (``""``: no place)."""

    @property
    def label(self) -> str:
        return self.explicit_label or slugify(self.title)

    @property
    def anchor(self) -> str:
        return f"lecture-{self.label}" if self.other_anchor is None else self.other_anchor

    def xref_targets(self) -> Iterator[Target]:
        yield Target(
            "lecture",
            self.label,
            self.title,
            self.docname,
            self.anchor,
            self.sort_key,
            searched=not self.recognised,
        )


@dataclasses.dataclass(frozen=True, slots=True)
class Retrospective(DatedRecord, PickledAsFields):
    """A day's retrospective, kept as plain paragraphs for the roll-up page."""

    docname: str
    anchor: str
    date: dt.date | None
    paragraphs: tuple[str, ...]
    mood: str = ""
    rating: int | None = None
    line: int | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class PeerSession(DatedRecord, PickledAsFields):
    """A peer-session (study group) note, kept as plain paragraphs for its page."""

    docname: str
    anchor: str
    date: dt.date | None
    title: str
    paragraphs: tuple[str, ...]
    line: int | None = None
