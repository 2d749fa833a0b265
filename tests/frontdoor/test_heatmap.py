"""Calendar data: levels, streaks and the grid of a year (pure)."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_journal.pages.heatmap import Day, streaks, year_weeks

D = dt.date


def test_levels() -> None:
    assert Day(D(2021, 1, 1)).level == 0
    assert Day(D(2021, 1, 1), posts=1).level == 2
    assert Day(D(2021, 1, 1), posts=1, done=0, total=3).level == 1
    assert Day(D(2021, 1, 1), posts=1, done=2, total=3).level == 3
    assert Day(D(2021, 1, 1), posts=1, done=6, total=6).level == 4


def test_streaks_are_current_only_while_alive(monkeypatch: pytest.MonkeyPatch) -> None:
    days = [D(2021, 9, 20), D(2021, 9, 21), D(2021, 9, 22), D(2021, 9, 24), D(2021, 9, 25)]
    assert streaks(days) == streaks(reversed(days))
    # Current while the newest post is from the build date or the day before.
    for today, current in ((D(2021, 9, 25), 2), (D(2021, 9, 26), 2), (D(2021, 9, 27), 0)):
        assert (streaks(days, today).current, streaks(days, today).longest) == (current, 3)
    assert (streaks([], D(2021, 9, 25)).current, streaks([]).longest) == (0, 0)
    # Without a date given, the build date is SOURCE_DATE_EPOCH's day.
    for built, current in ((dt.datetime(2021, 9, 26, 12), 2), (dt.datetime(2021, 9, 28), 0)):
        epoch = int(built.replace(tzinfo=dt.UTC).timestamp())
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        assert streaks(days).current == current


def test_year_grid_has_every_day_once() -> None:
    for year in (2020, 2021):
        cells = [c for column in year_weeks(year, {}) for c in column if c is not None]
        assert [c.date for c in cells] == [
            D(year, 1, 1) + dt.timedelta(days=n) for n in range(len(cells))
        ]
        assert cells[-1].date == D(year, 12, 31)
        assert all(len(column) == 7 for column in year_weeks(year, {}))
