"""Calendar data: levels, streaks and the grid of a year (pure)."""

from __future__ import annotations

import datetime as dt

from sphinx_journal.pages.heatmap import Day, streaks, year_weeks

D = dt.date


def test_levels() -> None:
    assert Day(D(2021, 1, 1)).level == 0
    assert Day(D(2021, 1, 1), posts=1).level == 2
    assert Day(D(2021, 1, 1), posts=1, done=0, total=3).level == 1
    assert Day(D(2021, 1, 1), posts=1, done=2, total=3).level == 3
    assert Day(D(2021, 1, 1), posts=1, done=6, total=6).level == 4


def test_streaks_end_at_the_newest_post() -> None:
    days = [D(2021, 9, 20), D(2021, 9, 21), D(2021, 9, 22), D(2021, 9, 24), D(2021, 9, 25)]
    assert streaks(days) == streaks(reversed(days))
    assert (streaks(days).current, streaks(days).longest) == (2, 3)
    assert (streaks([]).current, streaks([]).longest) == (0, 0)


def test_year_grid_has_every_day_once() -> None:
    for year in (2020, 2021):
        cells = [c for column in year_weeks(year, {}) for c in column if c is not None]
        assert [c.date for c in cells] == [
            D(year, 1, 1) + dt.timedelta(days=n) for n in range(len(cells))
        ]
        assert cells[-1].date == D(year, 12, 31)
        assert all(len(column) == 7 for column in year_weeks(year, {}))
