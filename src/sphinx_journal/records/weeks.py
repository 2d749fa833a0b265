"""Weeks of a journal: ISO weeks, or course weeks counted from ``journal_course_start``."""

from __future__ import annotations

import dataclasses
import datetime as dt


@dataclasses.dataclass(frozen=True, order=True)
class Week:
    """A week: ``key`` sorts and identifies it, ``label`` is what readers see."""

    key: str
    label: str
    start: dt.date

    @property
    def end(self) -> dt.date:
        """The week's last day (the calendar's last, for the week of 9999-12-31)."""
        return dt.date.fromordinal(min(self.start.toordinal() + 6, dt.date.max.toordinal()))

    @property
    def slug(self) -> str:
        """The week's file name under ``journal/weeks/``: ``2021-W38``, or ``week-3``."""
        if self.key.startswith("course-"):
            number = int(self.key.removeprefix("course-"))
            return f"week-{number}" if number >= 0 else f"week-minus-{-number}"
        return self.key


def week_of(
    day: dt.date,
    course_start: dt.date | None,
    label: str,
    iso_label: str = "Week {week}, {year}",
) -> Week:
    """The week ``day`` falls in.

    With a course start, week 1 begins that day and is labelled by ``label``
    (``{n}``); days before the course keep their ISO week, labelled by
    ``iso_label`` (``{week}``, ``{year}``), as do all days without a course
    start: a reader never sees "Week -19" nor a raw ``2021-W38`` code.
    """
    if course_start is not None and day >= course_start:
        number = (day - course_start).days // 7 + 1
        start = course_start + dt.timedelta(weeks=number - 1)
        return Week(f"course-{number:04d}", label.format(n=number), start)
    year, week, weekday = day.isocalendar()
    return Week(
        f"{year}-W{week:02d}",
        iso_label.format(week=week, year=year),
        day - dt.timedelta(days=weekday - 1),
    )
