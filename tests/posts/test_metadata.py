"""Every row of SPEC §2's front-matter table."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_journal.jekyll import frontmatter
from sphinx_journal.jekyll.dates import DateError, PostDate, parse_date
from sphinx_journal.jekyll.metadata import read_meta, split_names


def meta_of(yaml_text: str, stem: str = "2021-09-24-day36"):
    front, problems = frontmatter.load(f"---\n{yaml_text}\n---\n")
    assert problems == []
    return read_meta(front, stem)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("date: 2021-09-25", PostDate(dt.date(2021, 9, 25))),
        ("date: 2021-09-25 10:30:00", PostDate(dt.date(2021, 9, 25), dt.time(10, 30))),
        (
            "date: 2021-09-25T10:30:00+09:00",
            PostDate(dt.date(2021, 9, 25), dt.time(10, 30), dt.timedelta(hours=9)),
        ),
        (
            'date: "2021-09-25 10:30 +0900"',
            PostDate(dt.date(2021, 9, 25), dt.time(10, 30), dt.timedelta(hours=9)),
        ),
        (
            "date: 2021-09-25 10:30:15 -0130",
            PostDate(dt.date(2021, 9, 25), dt.time(10, 30, 15), -dt.timedelta(hours=1, minutes=30)),
        ),
        ('date: "2021-9-5"', PostDate(dt.date(2021, 9, 5))),
    ],
)
def test_dates_from_front_matter(value: str, expected: PostDate) -> None:
    meta, problems = meta_of(value, stem="day36")
    assert problems == []
    assert meta.date == expected
    assert not meta.date_from_filename


def test_offset_is_kept_and_naive_and_aware_sort_together() -> None:
    aware = parse_date("2021-09-25 10:30 +0900")
    naive = parse_date(dt.datetime(2021, 9, 25, 9, 0))
    assert aware.isoformat() == "2021-09-25T10:30:00+09:00"
    assert sorted([aware, naive], key=lambda d: d.sort_key) == [naive, aware]
    assert aware.as_datetime().utcoffset() == dt.timedelta(hours=9)


def test_a_date_that_disagrees_with_the_file_name_is_warned() -> None:
    meta, problems = meta_of("title: x\ndate: 2021-09-25 01:00 +0900")
    assert meta.date is not None and meta.date.day == dt.date(2021, 9, 25)
    assert [(p.subtype, p.line) for p in problems] == [("date", 3)]
    assert "disagrees" in problems[0].message
    assert meta_of("date: 2021-09-24 23:00")[1] == []


def test_date_falls_back_to_the_file_name() -> None:
    meta, problems = meta_of("title: x")
    assert problems == []
    assert meta.date == PostDate(dt.date(2021, 9, 24))
    assert meta.date_from_filename


@pytest.mark.parametrize("bad", ['date: "yesterday"', 'date: "2021-13-45"', "date: 12"])
def test_bad_date_is_warned_at_its_line_and_the_file_name_used(bad: str) -> None:
    meta, problems = meta_of(f"title: x\n{bad}")
    assert [(p.subtype, p.line) for p in problems] == [("date", 3)]
    assert meta.date == PostDate(dt.date(2021, 9, 24))


def test_no_date_anywhere_is_warned_and_undated() -> None:
    meta, problems = meta_of("title: x", stem="notes")
    assert meta.date is None
    assert [p.subtype for p in problems] == ["date"]


def test_impossible_dates_raise_date_error() -> None:
    with pytest.raises(DateError):
        parse_date("2021-02-30")
    with pytest.raises(DateError):
        parse_date("2021-02-03 10:00 +9900")


def test_title_subtitle_description_excerpt() -> None:
    meta, _ = meta_of('title: "A: b"\nsubtitle: Sub\nexcerpt: Short')
    assert (meta.title, meta.subtitle, meta.description) == ("A: b", "Sub", "Short")
    meta, _ = meta_of("title: 2021\ndescription: Desc\nexcerpt: Short")
    assert (meta.title, meta.description) == ("2021", "Desc")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[8주차, Level2-U-Stage]", ("8주차", "Level2-U-Stage")),
        ('"8주차 Level2-U-Stage"', ("8주차", "Level2-U-Stage")),
        ('"machine learning, deep learning"', ("machine learning", "deep learning")),
        ("[[a, b], c]", ("a", "b", "c")),
        ("[2021, a, a]", ("2021", "a")),
        ("", ()),
    ],
)
def test_tags_and_categories_follow_jekyll(value: str, expected: tuple[str, ...]) -> None:
    for key in ("tags", "tag", "categories", "category"):
        meta, _ = meta_of(f"{key}: {value}")
        got = meta.tags if key.startswith("tag") else meta.categories
        assert got == expected, key


def test_split_names_on_plain_values() -> None:
    assert split_names(None) == ()
    assert split_names(7) == ("7",)
    assert split_names({"a": 1}) == ("a",)


def test_authors() -> None:
    assert meta_of("author: Kim Minsu")[0].authors == ("Kim Minsu",)
    assert meta_of("author: [Kim, Lee]")[0].authors == ("Kim", "Lee")
    assert meta_of("authors: [Kim, Lee]")[0].authors == ("Kim", "Lee")


@pytest.mark.parametrize(
    ("value", "draft"),
    [
        ("published: false", True),
        ("draft: true", True),
        ("published: true", False),
        ("draft: false", False),
        ('published: "no"', True),
        ("title: x", False),
    ],
)
def test_drafts(value: str, draft: bool) -> None:
    assert meta_of(value)[0].draft is draft


def test_use_math_accepted_and_unknown_keys_kept_silently() -> None:
    meta, problems = meta_of(
        "use_math: true\nlayout: post\npermalink: /x/\ncomments: true\ntoc: {depth: 2}"
    )
    assert problems == []
    assert meta.extra == {
        "layout": "post",
        "permalink": "/x/",
        "comments": True,
        "toc": {"depth": 2},
    }
    assert "use_math" not in meta.extra


@pytest.mark.parametrize(
    ("yaml_text", "reason"),
    [
        ("title: !!set {a, b, c}", "a !!set"),
        ("title: !!binary aGVsbG8=", "!!binary data"),
        ("title: {a: 1, b: 2}", "a mapping"),
        ("title: yes", "the YAML boolean true"),
    ],
)
def test_odd_yaml_titles_warn_and_are_not_shown(yaml_text: str, reason: str) -> None:
    front, problems = frontmatter.load(f"---\n{yaml_text}\n---\nBody.\n")
    meta, meta_problems = read_meta(front, "2021-01-01-x")
    assert not problems and meta.title is None
    assert [(p.subtype, p.line) for p in meta_problems] == [("frontmatter", 2)]
    assert reason in meta_problems[0].message


def test_a_set_of_tags_is_sorted_and_booleans_left_out() -> None:
    front, _ = frontmatter.load("---\ntags: !!set {zeta, alpha, mu}\ncategories: [yes, ml]\n---\n")
    meta, problems = read_meta(front, "2021-01-01-x")
    assert meta.tags == ("alpha", "mu", "zeta") and meta.categories == ("ml",)
    assert [p.subtype for p in problems] == ["frontmatter", "frontmatter"]
