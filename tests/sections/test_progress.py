"""Completion by day and week, and open items, computed from schedule records alone."""

from __future__ import annotations

import datetime as dt

from sphinx_journal.records.sections import Schedule, Task
from sphinx_journal.records.weeks import week_of
from sphinx_journal.sections.index import by_day, by_week, open_items_of

D = dt.date


def schedule(doc: str, day: D | None, *tasks: tuple[str, bool], line: int = 1) -> Schedule:
    return Schedule(doc, f"s{line}", day, tuple(Task(t, done) for t, done in tasks), line)


def opened(items: list) -> list[tuple[str, str, int]]:
    return [(item.text, item.schedule.docname, item.days_open) for item in items]


def test_an_item_carried_over_is_one_item_open_since_its_first_day() -> None:
    schedules = [
        schedule("mon", D(2021, 9, 20), ("논문 읽기", False), ("과제", False)),
        schedule("wed", D(2021, 9, 22), ("📄 논문  읽기", False), ("과제", True)),
    ]
    assert opened(open_items_of(schedules, D(2021, 9, 25))) == [("논문 읽기", "mon", 5)]


def test_an_item_written_open_again_after_it_was_done_is_open_anew() -> None:
    schedules = [
        schedule("mon", D(2021, 9, 20), ("복습", False)),
        schedule("tue", D(2021, 9, 21), ("복습", True)),
        schedule("thu", D(2021, 9, 23), ("복습", False)),
    ]
    assert opened(open_items_of(schedules, D(2021, 9, 23))) == [("복습", "thu", 0)]


def test_days_open_never_depend_on_today_and_undated_items_count_zero() -> None:
    schedules = [schedule("x", None, ("a", False)), schedule("y", D(2021, 1, 1), ("b", False))]
    assert opened(open_items_of(schedules, None)) == [("a", "x", 0), ("b", "y", 0)]
    later = schedule("z", D(2021, 1, 9), ("c", False))  # dated after ``until``: not negative
    assert opened(open_items_of([later], D(2021, 1, 1))) == [("c", "z", 0)]


def test_a_day_adds_up_all_its_schedules_and_skips_empty_ones() -> None:
    schedules = [
        schedule("a", D(2021, 9, 20), ("x", True), ("y", False), line=3),
        schedule("a", D(2021, 9, 20), ("z", True), line=9),
        schedule("b", D(2021, 9, 20)),
        schedule("c", None, ("w", False)),
        schedule("d", D(2021, 9, 27), ("v", True)),
    ]
    days = by_day(schedules)
    assert [(t.label, t.done, t.total, len(t.schedules)) for t in days] == [
        ("2021-09-20", 2, 3, 2),
        ("2021-09-27", 1, 1, 1),
        ("", 0, 1, 1),  # undated, after the dated days
    ]


def test_weeks_are_iso_weeks_or_course_weeks() -> None:
    schedules = [
        schedule("a", D(2021, 9, 24), ("x", True), ("y", False)),
        schedule("b", D(2021, 9, 27), ("z", True)),
        schedule("c", None, ("w", False)),
    ]
    iso = by_week(schedules, lambda day: week_of(day, None, ""))
    assert [(t.label, t.done, t.total) for t in iso] == [
        ("Week 38, 2021", 1, 2),
        ("Week 39, 2021", 1, 1),
    ]
    korean = by_week(schedules, lambda day: week_of(day, None, "", "{year}년 {week}주"))
    assert [t.label for t in korean] == ["2021년 38주", "2021년 39주"]
    course = by_week(schedules, lambda day: week_of(day, D(2021, 7, 26), "{n}주차"))
    assert [t.label for t in course] == ["9주차", "10주차"]
    # Days before the course keep their ISO week, never a negative course week.
    early = by_week(schedules, lambda day: week_of(day, D(2021, 9, 27), "{n}주차"))
    assert [t.label for t in early] == ["Week 38, 2021", "1주차"]
