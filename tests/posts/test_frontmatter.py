"""Front matter: found, loaded safely, located; never an exception."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given
from hypothesis import strategies as st

from sphinx_journal.jekyll import frontmatter
from sphinx_journal.jekyll.metadata import KNOWN_KEYS, read_meta

SEED = """---
layout: post
title:  "[Boostcamp AI Tech] 36일차 학습정리"
subtitle:   "Naver Boostcamp AI Tech Level1 Day36"
categories: "Boostcamp-AI-Tech"
tags: [8주차, Level2-U-Stage]
use_math: true
---

# 부스트캠프 36일차
"""


def test_seed_front_matter_is_typed_and_located() -> None:
    front, problems = frontmatter.load(SEED)
    assert problems == []
    assert front is not None
    assert front.data["tags"] == ["8주차", "Level2-U-Stage"]
    assert front.first_line == 1 and front.last_line == 8
    assert front.line_of("tags") == 6
    assert front.line_of("missing") == 1


def test_no_front_matter() -> None:
    assert frontmatter.load("# Title\n\ntext\n") == (None, [])
    front, problems = frontmatter.load("---\nnever closed\n")  # read as text, and said so
    assert front is None and [(p.subtype, p.line) for p in problems] == [("frontmatter", 1)]


def test_malformed_yaml_is_a_located_problem() -> None:
    front, problems = frontmatter.load("---\ntitle: ok\ntags: [a, b\nfoo: bar\n---\nbody\n")
    assert front is None
    [problem] = problems
    assert problem.subtype == "frontmatter"
    assert problem.line is not None and 2 <= problem.line <= 5
    assert "not valid YAML" in problem.message


def test_non_mapping_front_matter() -> None:
    _, problems = frontmatter.load("---\n- a\n- b\n---\n")
    assert [p.subtype for p in problems] == ["frontmatter"]
    assert "list" in problems[0].message


def test_python_tags_are_refused_never_executed() -> None:
    text = "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n"
    front, problems = frontmatter.load(text)
    assert front is None
    assert problems and problems[0].subtype == "frontmatter"


def test_neutralize_keeps_line_numbers() -> None:
    text = "---\ntitle: [\n  a\n---\nline5\n"
    cleaned = frontmatter.neutralize(text)
    assert cleaned.split("\n")[4] == "line5"
    assert yaml.safe_load("\n".join(cleaned.split("\n")[1:3])) == {}


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(timezones=st.just(dt.UTC)),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
keys = st.sampled_from(sorted(KNOWN_KEYS | {"layout", "permalink", "x"}))


@given(st.dictionaries(keys, yaml_values, max_size=8))
def test_any_yaml_values_give_typed_metadata(data: dict[str, object]) -> None:
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\nbody\n"
    front, problems = frontmatter.load(text)
    # only control characters are a problem: they are replaced, the rest is kept
    assert all("replaced by U+FFFD" in p.message for p in problems)
    meta, meta_problems = read_meta(front, "2021-09-24-day")
    assert all(isinstance(name, str) and name for name in meta.tags + meta.categories)
    assert all(isinstance(name, str) for name in meta.authors)
    assert meta.title is None or isinstance(meta.title, str)
    assert isinstance(meta.draft, bool)
    assert meta.date is not None  # the file name always gives one
    assert meta.series is None or (isinstance(meta.series, str) and meta.series)
    assert meta.series_order is None or isinstance(meta.series_order, float)
    # unusable values are reported, never raised: a date, a series (order) that is no name,
    # odd values (a boolean title or tag, a mapping as title)
    assert all(p.subtype in ("date", "series", "frontmatter") for p in meta_problems)


@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    front, problems = frontmatter.load("---\n" + text + "\n---\n")
    assert (front is None) == bool(problems)
    assert all(p.subtype == "frontmatter" and p.line is not None for p in problems)
