"""Slugs keep Unicode letters and can never leave their folder."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_journal.jekyll.slugs import slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("8주차", "8주차"),
        ("Level2-U-Stage", "level2-u-stage"),
        ("Boostcamp-AI-Tech", "boostcamp-ai-tech"),
        ("어텐션의 직관", "어텐션의-직관"),
        ("Machine  Learning", "machine-learning"),
        ("C++", "c"),
        ("../../etc/passwd", "etcpasswd"),
        (".hidden", "hidden"),
        ("a/b\\c", "abc"),
        ("Ünïcödé", "ünïcödé"),
        ("snake_case", "snake_case"),
    ],
)
def test_slugs(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_nothing_to_keep_gives_a_stable_slug() -> None:
    assert slugify("!!!") == slugify("!!!")
    assert slugify("!!!") != slugify("???")
    assert slugify("!!!").startswith("x-")


@given(st.text())
def test_slug_is_always_a_safe_file_name(name: str) -> None:
    slug = slugify(name)
    assert slug
    assert "/" not in slug and "\\" not in slug and ".." not in slug
    assert not slug.startswith(".")
    assert "\x00" not in slug
    assert slugify(slug) == slug or slug.startswith("x-")
