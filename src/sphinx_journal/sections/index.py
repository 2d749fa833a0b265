"""Cross-post views of the section records: lectures grouped, retrospectives, progress.

Derived from the domain's stores on demand, never stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sphinx_journal.config import journal_config
from sphinx_journal.domain import journal_domain
from sphinx_journal.posts.index import post_index
from sphinx_journal.posts.weeks import Week, week_of
from sphinx_journal.sections.headings import normalize_heading
from sphinx_journal.sections.records import Lecture, Retrospective, Schedule

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

GROUPINGS = ("speaker", "affiliation", "series", "tag", "week")


def _listed(env: BuildEnvironment, store: str) -> list[object]:
    """Records of posts that are listed (drafts only when journal_drafts) and of other pages."""
    domain = journal_domain(env)
    listed = {post.docname for post in post_index(env).posts}
    posts = domain.store("posts")
    return [
        record
        for docname, records in domain.all_records(store)
        if docname in listed or docname not in posts
        for record in records
    ]


def lectures(env: BuildEnvironment) -> list[Lecture]:
    """Every lecture, oldest first."""
    found = [r for r in _listed(env, "lectures") if isinstance(r, Lecture)]
    return sorted(found, key=lambda lecture: lecture.sort_key)


def retrospectives(env: BuildEnvironment) -> list[Retrospective]:
    """Every retrospective, newest first."""
    found = [r for r in _listed(env, "retrospectives") if isinstance(r, Retrospective)]
    return sorted(found, key=lambda r: (r.date or dt.date.min, r.docname, r.anchor), reverse=True)


def schedules(env: BuildEnvironment) -> list[Schedule]:
    """Every schedule, oldest first."""
    found = [r for r in _listed(env, "schedules") if isinstance(r, Schedule)]
    return sorted(found, key=lambda s: (s.date or dt.date.min, s.docname, s.anchor))


def week(env: BuildEnvironment, day: dt.date) -> Week:
    config = journal_config(env.config)
    return week_of(day, config.course_start, config.week_label)


def group_lectures(env: BuildEnvironment, by: str) -> list[tuple[str, list[Lecture]]]:
    """Lectures grouped by speaker, affiliation, series, tag or week; unnamed groups last."""
    groups: dict[str, tuple[str, list[Lecture]]] = {}
    for lecture in lectures(env):
        for key, label in _keys(env, lecture, by):
            groups.setdefault(key, (label, []))[1].append(lecture)
    ordered = sorted(groups.items(), key=lambda item: (item[0] == "", item[0]))
    return [(label, members) for _, (label, members) in ordered]


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
    """A task still open: where it was written and for how many days it has stayed open."""

    text: str
    schedule: Schedule
    days_open: int


def open_items(env: BuildEnvironment) -> list[OpenItem]:
    """Unchecked tasks not checked in any later schedule, oldest first.

    Days are counted up to the newest schedule's date, not today, so that
    two builds of the same journal are identical.
    """
    all_schedules = schedules(env)
    dated = [s.date for s in all_schedules if s.date is not None]
    newest = max(dated) if dated else None
    done_after: dict[str, dt.date] = {}
    for schedule in all_schedules:
        for task in schedule.tasks:
            if task.done and schedule.date is not None:
                key = normalize_heading(task.text)
                done_after[key] = max(done_after.get(key, schedule.date), schedule.date)
    result = []
    for schedule in all_schedules:
        for task in schedule.tasks:
            if task.done:
                continue
            closed = done_after.get(normalize_heading(task.text))
            if closed is not None and schedule.date is not None and closed >= schedule.date:
                continue
            days = (newest - schedule.date).days if newest and schedule.date else 0
            result.append(OpenItem(task.text, schedule, days))
    return result
