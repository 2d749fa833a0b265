"""The calendar heatmap's data: one cell per day, levels, streaks (pure).

The grid ends at the newest post's date: no empty future is drawn. A streak
is *current* only if it reaches the build date (or the day before, when
today's post is not written yet); the build date is ``SOURCE_DATE_EPOCH``
when set, so a reproducible build stays reproducible.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import os
from collections.abc import Iterable, Mapping


@dataclasses.dataclass(frozen=True)
class Day:
    """What a day holds: how many posts, and the schedule completion if any."""

    date: dt.date
    posts: int = 0
    done: int = 0
    total: int = 0

    @property
    def level(self) -> int:
        """0 (nothing) to 4 (every scheduled item done); a post without a schedule is 2."""
        if self.posts == 0 and self.total == 0:
            return 0
        if self.total == 0:
            return 2
        ratio = self.done / self.total
        if ratio >= 1:
            return 4
        if ratio >= 2 / 3:
            return 3
        if ratio >= 1 / 3:
            return 2
        return 1


@dataclasses.dataclass(frozen=True)
class Streaks:
    """``current`` is 0 unless the newest run of days reaches ``today`` (or yesterday)."""

    current: int
    longest: int


def build_date() -> dt.date:
    """Today, or the day ``SOURCE_DATE_EPOCH`` names (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def streaks(days: Iterable[dt.date], today: dt.date | None = None) -> Streaks:
    """Runs of consecutive days with a post; the newest run is current only if it is alive."""
    ordered = sorted(set(days))
    if not ordered:
        return Streaks(0, 0)
    longest = run = 1
    for previous, day in itertools.pairwise(ordered):
        run = run + 1 if (day - previous).days == 1 else 1
        longest = max(longest, run)
    today = today or build_date()
    alive = 0 <= (today - ordered[-1]).days <= 1
    return Streaks(run if alive else 0, longest)


def year_weeks(
    year: int, days: Mapping[dt.date, Day], until: dt.date | None = None
) -> list[list[Day | None]]:
    """Columns of a year (weeks starting on Monday), each with 7 cells.

    ``None`` marks a day outside the year or after ``until`` (the newest post):
    those cells are drawn empty, not as days without a post. Counted in
    ordinals, so the weeks around 0001-01-01 and 9999-12-31 end at the
    calendar's edge instead of stepping past it.
    """
    first = dt.date(year, 1, 1).toordinal()
    year_end = dt.date(year, 12, 31)
    last = (min(year_end, until) if until else year_end).toordinal()
    start = first - dt.date(year, 1, 1).weekday()
    columns: list[list[Day | None]] = []
    for week_start in range(start, last + 1, 7):
        column: list[Day | None] = []
        for ordinal in range(week_start, week_start + 7):
            if first <= ordinal <= last:
                day = dt.date.fromordinal(ordinal)
                column.append(days.get(day, Day(day)))
            else:
                column.append(None)
        columns.append(column)
    return columns
