"""Weekly digests (pure): what a week of the journal holds, from the records.

A week's digest has its posts, the lectures of those posts, the papers
first cited that week, the completion of its schedules, the items still
open at its end (by the rule of the progress page, counted until the
week's last day) and its retrospectives. Only weeks with posts have one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Final, Protocol, TypeVar

from sphinx_journal.records.sections import Lecture, Retrospective, Schedule
from sphinx_journal.sections.index import OpenItem, newest_open_items_at

if TYPE_CHECKING:
    from sphinx_journal.bibliography.index import PaperEntry
    from sphinx_journal.records.post import Post
    from sphinx_journal.records.weeks import Week


class _OfPost(Protocol):
    @property
    def docname(self) -> str: ...


R = TypeVar("R", bound=_OfPost)

#: Open items a week's digest lists, those opened last; the others are counted (the
#: progress page lists them all). Every item left unchecked stays open in every later
#: week, so listing them all would make the digests grow with the square of the journal.
OPEN_ITEMS_SHOWN: Final = 20


@dataclasses.dataclass(frozen=True)
class Digest:
    """One week of the journal."""

    week: Week
    posts: tuple[Post, ...]
    """Oldest first."""
    lectures: tuple[Lecture, ...]
    papers: tuple[PaperEntry, ...]
    """Papers whose first citation falls in the week, in the order they were first cited."""
    done: int
    total: int
    open_items: tuple[OpenItem, ...]
    """The :data:`OPEN_ITEMS_SHOWN` items opened last of those open at the week's end."""
    open_count: int
    """How many items are open at the week's end, the ones not listed too."""
    retrospectives: tuple[Retrospective, ...]
    """Oldest first."""

    @property
    def updated(self) -> dt.datetime:
        """The newest post's date and time: when the week last changed."""
        dated = [post.meta.date for post in self.posts if post.meta.date is not None]
        return max(date.as_datetime() for date in dated)


def build_digests(
    posts: Iterable[Post],
    week_of: Callable[[dt.date], Week],
    lectures: Iterable[Lecture],
    papers: Iterable[PaperEntry],
    schedules: Sequence[Schedule],
    retrospectives: Iterable[Retrospective],
) -> list[Digest]:
    """The digest of every week that has a dated post, oldest first.

    ``schedules`` come oldest first (every schedule, so that items carried
    over from earlier weeks stay open); the others in any order.
    """
    weeks: dict[str, Week] = {}
    members: dict[str, list[Post]] = {}
    week_of_doc: dict[str, str] = {}
    for post in posts:
        if post.meta.date is None:
            continue
        week = week_of(post.meta.date.day)
        weeks.setdefault(week.key, week)
        members.setdefault(week.key, []).append(post)
        week_of_doc[post.docname] = week.key
    keys = sorted(weeks)

    def grouped(records: Iterable[R]) -> dict[str, list[R]]:
        found: dict[str, list[R]] = {}
        for record in records:
            key = week_of_doc.get(record.docname)
            if key is not None:
                found.setdefault(key, []).append(record)
        return found

    by_lecture = grouped(sorted(lectures, key=lambda lecture: lecture.sort_key))
    by_retro = grouped(
        sorted(
            retrospectives,
            key=lambda r: (r.date or dt.date.min, r.docname, r.line or 0, r.anchor),
        )
    )
    by_schedule = grouped(schedules)
    by_paper: dict[str, list[PaperEntry]] = {}
    for entry in papers:
        first = entry.cited[0]
        if first.date:
            key = week_of(dt.date.fromisoformat(first.date)).key
            if key in weeks:
                by_paper.setdefault(key, []).append(entry)
    open_at = newest_open_items_at(schedules, [weeks[key].end for key in keys], OPEN_ITEMS_SHOWN)
    result = []
    for key, (still_open, open_count) in zip(keys, open_at, strict=True):
        week_schedules = by_schedule.get(key, [])
        result.append(
            Digest(
                week=weeks[key],
                posts=tuple(sorted(members[key], key=lambda p: p.sort_key)),
                lectures=tuple(by_lecture.get(key, [])),
                papers=tuple(sorted(by_paper.get(key, []), key=lambda e: e.first)),
                done=sum(s.done for s in week_schedules),
                total=sum(s.total for s in week_schedules),
                open_items=tuple(still_open),
                open_count=open_count,
                retrospectives=tuple(by_retro.get(key, [])),
            )
        )
    return result
