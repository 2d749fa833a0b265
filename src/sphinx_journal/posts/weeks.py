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


def week_of(day: dt.date, course_start: dt.date | None, label: str) -> Week:
    """The week ``day`` falls in.

    With a course start, week 1 begins that day (days before it belong to
    week 0 or below); otherwise the ISO week, labelled ``2021-W38``.
    """
    if course_start is not None:
        number = (day - course_start).days // 7 + 1
        try:
            start = course_start + dt.timedelta(weeks=number - 1)
        except OverflowError:  # the week of 0001-01-02 may begin before the calendar does
            start = dt.date.min
        return Week(
            f"course-{number:04d}" if number >= 0 else f"course--{-number:03d}",
            label.format(n=number),
            start,
        )
    year, week, weekday = day.isocalendar()
    return Week(f"{year}-W{week:02d}", f"{year}-W{week:02d}", day - dt.timedelta(days=weekday - 1))
