"""Cross-post views of the section records: lectures grouped, retrospectives, progress.

Derived from the domain's stores on demand, never stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from sphinx_journal.domain import JournalDomain, Store, journal_domain
from sphinx_journal.posts.index import post_index
from sphinx_journal.posts.weeks import week
from sphinx_journal.records.sections import Lecture, PeerSession, Retrospective, Schedule
from sphinx_journal.records.weeks import Week
from sphinx_journal.sections.headings import normalize_heading

R = TypeVar("R")

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

GROUPINGS = ("speaker", "affiliation", "series", "tag", "week")


def _listed(env: BuildEnvironment, store: Store[tuple[R, ...]]) -> list[R]:
    """Records of posts that are listed (drafts only when journal_drafts) and of other pages."""
    listed = {post.docname for post in post_index(env).posts}
    posts = journal_domain(env).posts
    return [
        record
        for docname, records in store.items()
        if docname in listed or docname not in posts
        for record in records
    ]


def lectures(env: BuildEnvironment) -> list[Lecture]:
    """Every lecture, oldest first (made once per change of the records; not to be changed)."""

    def compute(domain: JournalDomain) -> list[Lecture]:
        return sorted(_listed(env, domain.lectures), key=lambda lecture: lecture.sort_key)

    return journal_domain(env).derived("lectures", compute)


def retrospectives(env: BuildEnvironment) -> list[Retrospective]:
    """Every retrospective, newest first; several in one post keep the post's order."""
    found = _listed(env, journal_domain(env).retrospectives)
    in_post_order = sorted(found, key=lambda r: (r.line or 0, r.anchor))
    # a reversed sort is still stable: ties keep the post's order
    return sorted(in_post_order, key=lambda r: (r.date or dt.date.min, r.docname), reverse=True)


def peer_sessions(env: BuildEnvironment) -> list[PeerSession]:
    """Every peer-session note, newest first; several in one post keep the post's order."""
    found = _listed(env, journal_domain(env).peer_sessions)
    in_post_order = sorted(found, key=lambda r: (r.line or 0, r.anchor))
    return sorted(in_post_order, key=lambda r: (r.date or dt.date.min, r.docname), reverse=True)


def schedules(env: BuildEnvironment) -> list[Schedule]:
    """Every schedule, oldest first."""
    found = _listed(env, journal_domain(env).schedules)
    return sorted(found, key=lambda s: s.sort_key)


def group_lectures(env: BuildEnvironment, by: str) -> list[tuple[str, list[Lecture]]]:
    """Lectures grouped by speaker, affiliation, series, tag or week; unnamed groups last.

    Made once per change of the records (the lecture page asks for each grouping
    twice); not to be changed.
    """

    def compute(_domain: JournalDomain) -> list[tuple[str, list[Lecture]]]:
        groups: dict[str, tuple[str, list[Lecture]]] = {}
        for lecture in lectures(env):
            for key, label in _keys(env, lecture, by):
                groups.setdefault(key, (label, []))[1].append(lecture)
        ordered = sorted(groups.items(), key=lambda item: (item[0] == "", item[0]))
        return [(label, members) for _, (label, members) in ordered]

    return journal_domain(env).derived(f"lectures-by:{by}", compute)


def _keys(env: BuildEnvironment, lecture: Lecture, by: str) -> Iterable[tuple[str, str]]:
    if by == "tag":
        return [(normalize_heading(tag), tag) for tag in lecture.tags] or [("", "")]
    if by == "week":
        if lecture.date is None:
            return [("", "")]
        found = week(env, lecture.date)
        return [(found.key, found.label)]
    value = {
        "speaker": lecture.speaker,
        "affiliation": lecture.affiliation,
        "series": lecture.series,
    }[by]
    return [(normalize_heading(value), value)]


@dataclasses.dataclass(frozen=True)
class OpenItem:
    """A task still open: where it was first written and for how many days it has stayed open.

    A task carried over from day to day (the same text, unchecked again) is
    one open item, open since the first of those days, not one per day.
    """

    text: str
    schedule: Schedule
    days_open: int


@dataclasses.dataclass(frozen=True)
class Tally:
    """Completion of a day or a week: counts, and the schedules (hence posts) it adds up."""

    key: str
    label: str
    done: int
    total: int
    schedules: tuple[Schedule, ...]


def _task_key(text: str) -> str:
    return normalize_heading(text)


def open_items_of(ordered: Iterable[Schedule], until: dt.date | None) -> list[OpenItem]:
    """Tasks whose latest mention is unchecked, oldest first (pure).

    ``ordered`` is oldest first. An item is open from the first schedule of
    its current unchecked run (checking it closes it; writing it unchecked
    again later opens it anew) until ``until``, the newest post's date: not
    today, so that two builds of the same journal are identical.
    """
    since: dict[str, tuple[str, Schedule]] = {}
    for schedule in ordered:
        _note(since, schedule)
    return _open(since, until)


def open_items_at(ordered: Iterable[Schedule], ends: Iterable[dt.date]) -> list[list[OpenItem]]:
    """For each day of ``ends`` (ascending), the items open at its end (pure).

    The same rule as :func:`open_items_of`, applied in one pass over the
    schedules: what was open on a day is what the schedules up to that day
    leave unchecked, counted until that day.
    """
    return [items for items, _count in newest_open_items_at(ordered, ends, None)]


def newest_open_items_at(
    ordered: Iterable[Schedule], ends: Iterable[dt.date], limit: int | None
) -> list[tuple[list[OpenItem], int]]:
    """For each day of ``ends``, the ``limit`` items opened last of those open then, and how
    many are open in all (pure).

    An item left unchecked stays open in every later week; without a limit the
    weeks of a long journal would list (and a build would render) a number of
    items that grows with the square of the journal.
    """
    since: dict[str, tuple[str, Schedule]] = {}
    pending = iter(ordered)
    upcoming = next(pending, None)
    result = []
    for end in ends:
        while upcoming is not None and (upcoming.date is None or upcoming.date <= end):
            _note(since, upcoming)
            upcoming = next(pending, None)
        result.append((_open(since, end, limit), len(since)))
    return result


def _note(since: dict[str, tuple[str, Schedule]], schedule: Schedule) -> None:
    for task in schedule.tasks:
        key = _task_key(task.text)
        if task.done:
            since.pop(key, None)
        elif key not in since:
            since[key] = (task.text, schedule)


def _open(
    since: dict[str, tuple[str, Schedule]], until: dt.date | None, limit: int | None = None
) -> list[OpenItem]:
    """The open items, oldest first; with ``limit``, only the ``limit`` opened last."""
    entries: Iterable[tuple[str, Schedule]] = since.values()
    if limit is not None and len(since) > limit:
        entries = reversed(list(itertools.islice(reversed(since.values()), limit)))
    result = []
    for text, schedule in entries:
        days = (until - schedule.date).days if until and schedule.date else 0
        result.append(OpenItem(text, schedule, max(days, 0)))
    return result


def by_day(ordered: Iterable[Schedule]) -> list[Tally]:
    """Completion per day, oldest first, adding up every schedule of a day (pure).

    Schedules with no task are left out (they were warned about); an undated
    schedule is its own row, after the dated days.
    """
    days: dict[str, tuple[str, list[Schedule]]] = {}
    for schedule in ordered:
        if not schedule.total:
            continue
        if schedule.date is not None:
            key, label = schedule.date.isoformat(), schedule.date.isoformat()
        else:
            key, label = f"~{schedule.docname}#{schedule.anchor}", ""
        days.setdefault(key, (label, []))[1].append(schedule)
    return [_tally(key, label, members) for key, (label, members) in sorted(days.items())]


def by_week(ordered: Iterable[Schedule], week_of_day: Callable[[dt.date], Week]) -> list[Tally]:
    """Completion per week (ISO or course weeks), oldest first (pure)."""
    weeks: dict[str, tuple[str, list[Schedule]]] = {}
    for schedule in ordered:
        if schedule.date is None or not schedule.total:
            continue
        found = week_of_day(schedule.date)
        weeks.setdefault(found.key, (found.label, []))[1].append(schedule)
    return [_tally(key, label, members) for key, (label, members) in sorted(weeks.items())]


def _tally(key: str, label: str, members: list[Schedule]) -> Tally:
    return Tally(
        key,
        label,
        sum(s.done for s in members),
        sum(s.total for s in members),
        tuple(members),
    )


def newest_day(env: BuildEnvironment) -> dt.date | None:
    """The newest post's date (or newest schedule's, when a schedule is dated later)."""
    days = [post.meta.date.day for post in post_index(env).posts if post.meta.date is not None]
    days.extend(s.date for s in schedules(env) if s.date is not None)
    return max(days) if days else None


def open_items(env: BuildEnvironment) -> list[OpenItem]:
    """Every still-open task of the journal, counted until the newest post's date."""
    return open_items_of(schedules(env), newest_day(env))


def days(env: BuildEnvironment) -> list[Tally]:
    return by_day(schedules(env))


def weeks(env: BuildEnvironment) -> list[Tally]:
    return by_week(schedules(env), lambda day: week(env, day))
