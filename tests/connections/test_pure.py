"""The pure parts of connections: backlinks, related scores, series order, open items by week."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given
from hypothesis import strategies as st

from sphinx_journal.connections.backlinks import backlinks
from sphinx_journal.connections.collect import relinked, site_path
from sphinx_journal.connections.related import MAX_SHARED_BY, related, weight
from sphinx_journal.connections.series import build_series
from sphinx_journal.jekyll.dates import PostDate
from sphinx_journal.jekyll.metadata import PostMeta
from sphinx_journal.records.connections import OutLink
from sphinx_journal.records.post import Post
from sphinx_journal.records.sections import Schedule, Task
from sphinx_journal.sections.index import newest_open_items_at, open_items_at, open_items_of


def post(name: str, day: int, series: str | None = None, order: float | None = None) -> Post:
    date = PostDate(dt.date(2021, 9, day))
    meta = PostMeta(title=name, date=date, series=series, series_order=order)
    return Post(f"_posts/{name}", name, meta, "")


def test_backlinks_count_each_linking_post_once_and_never_itself() -> None:
    links = {
        "a": (OutLink("doc", "b"), OutLink("post", "b"), OutLink("doc", "a")),
        "c": (OutLink("path", "x.html"),),
        "draft": (OutLink("doc", "b"),),
    }
    names = {"b": "b", "x.html": "b", "a": "a"}
    found = backlinks(links, lambda link: names.get(link.target), {"a", "b", "c"})
    assert found == {"b": {"a", "c"}}


def test_rarer_shared_items_weigh_more() -> None:
    assert weight("tag", 2, 100) > weight("tag", 50, 100)
    assert weight("paper", 10, 100) == 2 * weight("tag", 10, 100)
    assert math.isclose(weight("series", 1, 1), 1.5 * math.log(2))


def test_related_order_exclusions_and_common_items_left_out() -> None:
    features = {
        "a": {("tag", "x"), ("paper", "p")},
        "b": {("tag", "x"), ("paper", "p")},
        "c": {("tag", "x")},
        "d": {("tag", "x")},
    }
    found = related(features, 3, {})
    assert [m.docname for m in found["a"]] == ["b", "c", "d"]
    assert found["a"][0].shared == (("paper", "p"), ("tag", "x"))
    assert found["a"][1].score == found["a"][2].score  # a tie goes by docname
    assert [m.docname for m in related(features, 3, {"a": {"b"}})["a"]] == ["c", "d"]
    assert [m.docname for m in related(features, 1, {})["c"]] == ["a"]
    common = {f"p{n}": {("tag", "everyone")} for n in range(MAX_SHARED_BY + 1)}
    assert related(common, 3, {}) == {}


def test_series_by_order_then_date() -> None:
    posts = [
        post("one", 1, "S", 2),
        post("two", 2, "S", 1),
        post("three", 3, "s"),  # the same slug: the same series
        post("four", 4, "S", 0.5),
        post("alone", 5),
    ]
    [series] = build_series(posts).values()
    assert series.name == "S"
    assert [p.title for p in series.posts] == ["four", "two", "one", "three"]
    before, after = series.neighbours("_posts/one")
    assert (before and before.title, after and after.title) == ("two", "three")


def test_site_paths_and_links_to_read_again() -> None:
    assert site_path("/study/a.html", "_posts/x") == "study/a.html"
    assert site_path("../notes/b/", "_posts/x") == "notes/b/"
    assert site_path("https://elsewhere.org/a.html", "_posts/x") is None
    assert site_path("../../outside.html", "_posts/x") is None
    links = {"p": (OutLink("doc", "_posts/gone"),), "q": (OutLink("path", "_posts/new.md"),)}
    assert relinked(links, {"_posts/new"}, {"_posts/gone"}, (".md",)) == {"p", "q"}
    assert relinked(links, set(), set(), (".md",)) == set()


schedules = st.lists(
    st.tuples(
        st.integers(1, 28),
        st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.booleans()), max_size=3),
    ),
    max_size=8,
)


@given(schedules, st.lists(st.integers(1, 30), max_size=5))
def test_open_items_at_each_end_is_open_items_until_then(data, ends) -> None:
    ordered = sorted(
        (
            Schedule(f"d{i}", "s", dt.date(2021, 9, day), tuple(Task(t, d) for t, d in tasks))
            for i, (day, tasks) in enumerate(data)
        ),
        key=lambda s: s.sort_key,
    )
    days = sorted(dt.date(2021, 9, day) for day in ends)
    for end, found in zip(days, open_items_at(ordered, days), strict=True):
        upto = [s for s in ordered if s.date is not None and s.date <= end]
        assert found == open_items_of(upto, end)


@given(schedules, st.lists(st.integers(1, 30), max_size=5), st.integers(0, 3))
def test_a_limit_keeps_the_items_opened_last_and_counts_them_all(data, ends, limit) -> None:
    ordered = sorted(
        (
            Schedule(f"d{i}", "s", dt.date(2021, 9, day), tuple(Task(t, d) for t, d in tasks))
            for i, (day, tasks) in enumerate(data)
        ),
        key=lambda s: s.sort_key,
    )
    days = sorted(dt.date(2021, 9, day) for day in ends)
    every = open_items_at(ordered, days)
    limited = newest_open_items_at(ordered, days, limit)
    for all_open, (shown, count) in zip(every, limited, strict=True):
        assert count == len(all_open)
        assert shown == all_open[len(all_open) - min(limit, len(all_open)) :]
